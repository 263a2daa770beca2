/**
 * What every request handler of the emulator can reach: the state, the fault rules, the
 * request log, the token signing key, the clock and the emulator's own base URL.
 */
import type { FaultInjector } from './faults.ts';
import type { SigningKey } from './identity/signingKey.ts';
import type { RequestLog } from './requestLog.ts';
import type { EmulatorState } from './state/emulatorState.ts';

export interface EmulatorContext {
  readonly state: EmulatorState;
  readonly faults: FaultInjector;
  readonly requests: RequestLog;
  readonly signingKey: SigningKey;
  readonly clock: () => Date;
  /** `https://localhost:<port>`, the root of every absolute URL the emulator hands out. */
  baseUrl: string;
}

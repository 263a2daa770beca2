/**
 * The emulator's public surface. Everything else under `src/emulator/` is internal.
 */
export { startEmulator } from './startEmulator.ts';
export type { EmulatorOptions, RunningEmulator } from './startEmulator.ts';

export {
  EMPTY_SEED,
  EmulatorSeedError,
  loadSeedFile,
  parseSeed,
  SANDBOX_SEED_PATH,
} from './seed.ts';
export type {
  EmulatorApiSeed,
  EmulatorClientSeed,
  EmulatorSeed,
  EmulatorTenantSeed,
  EmulatorWorkspaceSeed,
  SentinelIncidentSeed,
} from './seed.ts';

export { EmulatorState } from './state/emulatorState.ts';
export type { AnalystOptions, EmulatorStateOptions } from './state/emulatorState.ts';
export { EmulatorStateError } from './state/emulatorStateError.ts';
export type { EmulatorStateSnapshot } from './state/snapshotState.ts';

export { EMULATED_APIS, FaultInjector } from './faults.ts';
export type { EmulatedApi, FaultAction, FaultRule, FaultRuleSpec } from './faults.ts';
export { createSeededRandom } from './seededRandom.ts';

export { RequestLog } from './requestLog.ts';
export type { RequestLogEntry } from './requestLog.ts';

/**
 * Starts the emulator: one HTTPS server playing Entra ID token issuance, the Sentinel
 * incidents ARM API and the Graph security incidents API, so that incident-bridge's real
 * Azure SDK clients can run against it. State lives in memory, seeded from JSON.
 */
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';

import type { EmulatorContext } from './emulatorContext.ts';
import { FaultInjector } from './faults.ts';
import { createEmulatorApp } from './http/createEmulatorApp.ts';
import { emulatorSigningKey } from './identity/signingKey.ts';
import { RequestLog } from './requestLog.ts';
import { EMPTY_SEED, parseSeed, type EmulatorSeed } from './seed.ts';
import { EmulatorState } from './state/emulatorState.ts';
import { emulatorTlsMaterial } from './tls.ts';

export interface EmulatorOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on. Default `127.0.0.1`. */
  host?: string;
  /** Starting data. Default: no tenants, no workspaces. */
  seed?: EmulatorSeed;
  /** Source of "now" for every timestamp and token lifetime. Default: the system clock. */
  clock?: () => Date;
  /** Print one line per ARM, Graph and Entra ID request to stderr. Default false. */
  logRequests?: boolean;
  /** Seed of the random source behind fault `probability`. Default 1. */
  faultSeed?: number;
  /**
   * Whether a Sentinel comment write also changes its incident's etag, as the service
   * does. Default true; see `EmulatorStateOptions.commentWritesBumpIncident`.
   */
  commentWritesBumpIncident?: boolean;
  /** How many requests the log keeps (oldest dropped first). Default 10,000. */
  requestLogSize?: number;
}

export interface RunningEmulator {
  /** `https://localhost:<port>`: authority host, ARM endpoint and Graph endpoint at once. */
  url: string;
  /** The self-signed certificate clients must trust (`tlsOptions: { ca }`). */
  caCertPem: string;
  state: EmulatorState;
  faults: FaultInjector;
  requests: RequestLog;
  /** Requests being served right now, to tell when clients have nothing in flight. */
  inFlight(): number;
  /** Stops listening and cuts open connections, hanging ones included. */
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new TypeError('EmulatorOptions.port must be an integer from 0 to 65535');
  }
  const host = options.host ?? '127.0.0.1';
  const clock = options.clock ?? (() => new Date());
  const seed = parseSeed(options.seed ?? EMPTY_SEED, 'EmulatorOptions.seed');

  const [tls, signingKey] = await Promise.all([emulatorTlsMaterial(), emulatorSigningKey()]);
  const stateOptions = {
    clock,
    commentWritesBumpIncident: options.commentWritesBumpIncident ?? true,
  };
  const context: EmulatorContext = {
    state: new EmulatorState(seed, stateOptions),
    faults: new FaultInjector({ seed: options.faultSeed ?? 1 }),
    requests: new RequestLog({ maxEntries: options.requestLogSize }),
    signingKey,
    clock,
    baseUrl: '',
  };

  const app = createEmulatorApp(context, { logRequests: options.logRequests ?? false });
  const server = createServer({ key: tls.keyPem, cert: tls.certPem }, app);
  let inFlight = 0;
  server.on('request', (_request, response) => {
    inFlight += 1;
    response.once('close', () => {
      inFlight -= 1;
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  context.baseUrl = `https://localhost:${(server.address() as AddressInfo).port}`;
  return {
    url: context.baseUrl,
    caCertPem: tls.certPem,
    state: context.state,
    faults: context.faults,
    requests: context.requests,
    inFlight: () => inFlight,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/**
 * An end-to-end harness: the emulator on the sandbox seed, and incident-bridge's real services
 * (SDK clients over HTTPS, SQLite store) pointed at it, served in-process for supertest.
 */
import type { Express } from 'express';
import { createApp } from '../../api/createApp.ts';
import type { AppServices } from '../../api/appServices.ts';
import {
  loadSeedFile,
  SANDBOX_SEED_PATH,
  startEmulator,
  type EmulatorSeed,
  type RunningEmulator,
} from '../../src/emulator/index.ts';
import type { ApiBudgets } from '../../src/clients/budgets/apiBudgets.ts';
import type { IncidentBridgeConfig } from '../../src/config/config.ts';
import { silentLogger } from '../../src/logging/logger.ts';
import { RetrySchedule } from '../../src/sync/engine/retrySchedule.ts';
import { sandboxConfig } from '../../src/sandbox/sandboxConfig.ts';
import { sandboxScenario, type SandboxScenario } from '../../src/sandbox/sandboxScenario.ts';
import { buildServices, closeServices } from '../../src/service/startService.ts';
import { TEST_API_KEY, TEST_LIMITS } from './testCredentials.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const plenty = [{ points: 100_000, windowMs: 60_000 }];
const TEST_BUDGETS = {
  graph: plenty,
  sentinelRead: plenty,
  sentinelWrite: plenty,
  sentinelComment: plenty,
};

export interface SandboxHarness {
  app: Express;
  services: AppServices;
  emulator: RunningEmulator;
  seed: EmulatorSeed;
  scenario: SandboxScenario;
  /** The SQLite file of the store, for tests that check nothing was written. */
  storePath: string;
  close(): Promise<void>;
}

export interface SandboxHarnessOptions {
  /** Changes the sandbox configuration (a copy; the parsed one is frozen). */
  configure?: (config: IncidentBridgeConfig) => IncidentBridgeConfig;
  /** Call budgets; tests that make many calls in a row pass roomier ones. */
  budgets?: ApiBudgets;
}

export async function startSandboxHarness(
  options: SandboxHarnessOptions = {},
): Promise<SandboxHarness> {
  const seed = await loadSeedFile(SANDBOX_SEED_PATH);
  const emulator = await startEmulator({ seed });
  const dataDir = mkdtempSync(join(tmpdir(), 'incident-bridge-e2e-'));
  // Generous budgets: these tests are about behaviour, the budget tests about pacing.
  const config = sandboxConfig(seed, emulator.url, dataDir, {
    budgets: TEST_BUDGETS,
    apiKey: TEST_API_KEY,
    limits: TEST_LIMITS,
  });

  const services = await buildServices({
    config: options.configure ? options.configure(structuredClone(config)) : config,
    mode: 'sandbox',
    trustedCaCertPem: emulator.caCertPem,
    budgets: options.budgets,
    logger: silentLogger(),
    background: false,
    engine: { idlePollMs: 50, retry: new RetrySchedule({ baseDelayMs: 50, maxDelayMs: 500 }) },
  });
  return {
    app: createApp(services),
    services,
    emulator,
    seed,
    scenario: sandboxScenario(seed),
    storePath: config.store.sqlitePath,
    close: async () => {
      await closeServices(services);
      await emulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The sequence number of the last request the emulator logged. */
export function lastRequest(emulator: RunningEmulator): number {
  return emulator.requests.entries().at(-1)?.sequence ?? 0;
}

/** Writes to Sentinel or Graph (PUT, PATCH, DELETE, comment POSTs) logged after `after`. */
export function writesSince(
  emulator: RunningEmulator,
  after: number,
): Array<{ method: string; path: string }> {
  return emulator.requests
    .entries()
    .filter((entry) => entry.sequence > after && entry.api !== 'identity')
    .filter(
      (entry) =>
        ['PUT', 'PATCH', 'DELETE'].includes(entry.method) ||
        (entry.method === 'POST' && entry.path.endsWith('/comments')),
    )
    .map((entry) => ({ method: entry.method, path: entry.path }));
}

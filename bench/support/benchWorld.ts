/**
 * incident-bridge's real services (SDK clients over HTTPS, SQLite store, sync engine) pointed
 * at an emulator seeded with the bench pairs, all in this process. The engine's worker runs;
 * the pollers and the reconcile sweep run only when `background` is asked for, so a benchmark
 * can drive poll cycles itself.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppServices } from '../../api/appServices.ts';
import type { BudgetOverrides, IncidentBridgeConfig, PairConfig } from '../../src/config/config.ts';
import { parseConfig } from '../../src/config/loadConfig.ts';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.ts';
import { silentLogger } from '../../src/logging/logger.ts';
import { buildServices, closeServices } from '../../src/service/startService.ts';
import { openStore } from '../../src/store/openStore.ts';
import type { PairRuntime } from '../../src/sync/pairRegistry.ts';
import { TEST_LIMITS, testApiKeyConfig } from '../../test/support/testCredentials.ts';
import { BENCH_CLIENT, BENCH_TENANT, BENCH_WORKSPACE, benchSeed } from './benchSeed.ts';
import { linkPairs } from './linkPairs.ts';

export const BENCH_PAIR = 'bench';

/** Budgets no benchmark run reaches, for benchmarks that count calls rather than time them. */
export const UNLIMITED_BUDGETS: BudgetOverrides = {
  graph: [{ points: 10_000_000, windowMs: 60_000 }],
  sentinelRead: [{ points: 10_000_000, windowMs: 60_000 }],
  sentinelWrite: [{ points: 10_000_000, windowMs: 60_000 }],
  sentinelComment: [{ points: 10_000_000, windowMs: 60_000 }],
};

export interface BenchWorldOptions {
  pairs: number;
  alerts?: number;
  /** Budget overrides; the documented quotas (the config defaults) when left out. */
  budgets?: BudgetOverrides;
  intervals?: Partial<PairConfig['intervals']>;
  workerConcurrency?: number;
  background?: boolean;
  /** The emulator's request log size; it must hold every request a benchmark counts. */
  requestLogSize?: number;
  /** Link every pair in the store before the service starts (see linkPairs). */
  linked?: boolean;
}

export interface BenchWorld {
  emulator: RunningEmulator;
  services: AppServices;
  pair: PairRuntime;
  close(): Promise<void>;
}

export async function startBenchWorld(options: BenchWorldOptions): Promise<BenchWorld> {
  const emulator = await startEmulator({
    seed: benchSeed({ pairs: options.pairs, alerts: options.alerts }),
    requestLogSize: options.requestLogSize ?? 1_000_000,
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'incident-bridge-bench-'));
  const config = benchConfig(emulator.url, join(dataDir, 'store.db'), options);

  if (options.linked) {
    const store = await openStore({ sqlitePath: config.store.sqlitePath });
    await linkPairs(store, emulator, BENCH_PAIR, options.pairs);
    await store.close();
  }

  const services = await buildServices({
    config,
    trustedCaCertPem: emulator.caCertPem,
    logger: silentLogger(),
    background: options.background ?? false,
    engine: { idlePollMs: 50 },
  });
  const pair = services.pairs.byName(BENCH_PAIR);
  if (!pair) throw new Error('the bench pair is not configured');

  return {
    emulator,
    services,
    pair,
    close: async () => {
      await closeServices(services);
      await emulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The configuration of the bench pair against an emulator at `emulatorUrl`. */
export function benchConfig(
  emulatorUrl: string,
  sqlitePath: string,
  options: Pick<BenchWorldOptions, 'budgets' | 'intervals' | 'workerConcurrency'>,
): IncidentBridgeConfig {
  return parseConfig(
    {
      store: { sqlitePath },
      azure: {
        armEndpoint: emulatorUrl,
        graphEndpoint: emulatorUrl,
        authorityHost: emulatorUrl,
        armScope: 'https://management.azure.com/.default',
        graphScope: 'https://graph.microsoft.com/.default',
      },
      budgets: options.budgets ?? {},
      engine: { workerConcurrency: options.workerConcurrency ?? 4 },
      credentials: { bench: { kind: 'clientSecret', tenantId: BENCH_TENANT, ...BENCH_CLIENT } },
      auth: { apiKeys: [testApiKeyConfig()] },
      limits: TEST_LIMITS,
      pairs: [
        {
          name: BENCH_PAIR,
          defender: { tenantId: BENCH_TENANT, credential: 'bench' },
          sentinel: { ...BENCH_WORKSPACE, tenantId: BENCH_TENANT, credential: 'bench' },
          ...(options.intervals ? { intervals: options.intervals } : {}),
        },
      ],
    },
    'bench',
  );
}

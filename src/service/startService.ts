/**
 * Starts incident-bridge for a configuration: opens the store (migrating it), builds the pair
 * clients and the sync engine, and serves the API. Used by `serve`, the sandbox and the tests.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../api/createApp.ts';
import type { AppServices } from '../../api/appServices.ts';
import type { IncidentBridgeConfig } from '../config/config.ts';
import { ApiBudgets } from '../clients/budgets/apiBudgets.ts';
import { budgetShare } from '../clients/budgets/replicaShare.ts';
import { transportOptions, type TransportOptions } from '../clients/transportOptions.ts';
import { InboundAuth } from '../auth/inboundAuth.ts';
import { requireInboundAuth } from '../config/loadConfig.ts';
import { createLogger, type Logger } from '../logging/logger.ts';
import { openStore } from '../store/openStore.ts';
import { buildProviders } from '../enrich/providers/buildProviders.ts';
import { IncidentEnricher } from '../enrich/incidentEnricher.ts';
import { IncidentSync } from '../sync/incidentSync.ts';
import { KeyedMutex } from '../sync/keyedMutex.ts';
import { PairRegistry } from '../sync/pairRegistry.ts';
import { SyncEngine, type SyncEngineOptions } from '../sync/engine/syncEngine.ts';
import { RetrySchedule } from '../sync/engine/retrySchedule.ts';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { listenApi } from './listenApi.ts';
import { packageVersion } from './packageVersion.ts';

export interface StartServiceOptions {
  config: IncidentBridgeConfig;
  port?: number;
  host?: string;
  mode?: AppServices['mode'];
  logger?: Logger;
  /** PEM of an extra CA to trust; overrides `azure.trustedCaCertPath`. */
  trustedCaCertPem?: string;
  /** Run the pollers and the reconcile sweep. Default from config. */
  background?: boolean;
  engine?: Partial<Omit<SyncEngineOptions, 'store' | 'pairs' | 'sync' | 'logger'>>;
  syncWaitMs?: number;
  /** Call budgets; the configured (or documented) quotas by default. */
  budgets?: ApiBudgets;
}

export interface RunningService {
  url: string;
  services: AppServices;
  close(): Promise<void>;
}

export async function buildServices(options: StartServiceOptions): Promise<AppServices> {
  const logger = options.logger ?? createLogger();
  const transport = transportFor(options);
  const store = await openStore(options.config.store);
  const pairs = PairRegistry.fromConfig(
    options.config,
    transport,
    options.budgets ??
      new ApiBudgets({
        specs: budgetShare(options.config.budgets, options.config.engine.replicas),
      }),
  );
  // One lock registry for sync and enrichment, so their writes to an incident take turns.
  const mutex = new KeyedMutex();
  const settings = options.config.engine;
  const sync = new IncidentSync({ store, pairs, logger, mutex, linkLeaseMs: settings.jobLeaseMs });
  const engine = new SyncEngine({
    store,
    pairs,
    sync,
    logger,
    background: options.background ?? settings.background,
    workerConcurrency: settings.workerConcurrency,
    leaseMs: settings.jobLeaseMs,
    pairLeaseMs: settings.pairLeaseMs,
    workerId: settings.replicaId ?? replicaName(),
    retry: new RetrySchedule({
      baseDelayMs: settings.retryBaseDelayMs,
      maxDelayMs: settings.retryMaxDelayMs,
      maxAttempts: settings.maxAttempts,
    }),
    ...options.engine,
  });
  const enricher = new IncidentEnricher({
    pairs,
    store,
    config: options.config.enrichment,
    providers: await buildProviders(options.config.enrichment),
    logger,
    mutex,
  });
  engine.start();
  return {
    config: options.config,
    store,
    pairs,
    sync,
    engine,
    enricher,
    logger,
    auth: new InboundAuth(options.config.auth, { transport }),
    limits: options.config.limits,
    mode: options.mode ?? 'azure',
    version: packageVersion(),
    syncWaitMs: options.syncWaitMs ?? settings.syncWaitMs,
  };
}

/** Stops the engine (finishing jobs in hand) and closes the store. */
export async function closeServices(services: AppServices): Promise<void> {
  await services.engine.stop();
  await services.store.close();
}

export async function startService(options: StartServiceOptions): Promise<RunningService> {
  requireInboundAuth(options.config);
  const services = await buildServices(options);
  const app = createApp(services);

  const server: Server = await listenApi(app, {
    port: options.port ?? 3000,
    host: options.host ?? '127.0.0.1',
    requestTimeoutMs: options.config.limits.requestTimeoutMs,
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';

  return {
    url: `http://${host}:${port}`,
    services,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await closeServices(services);
    },
  };
}

function transportFor(options: StartServiceOptions): TransportOptions {
  if (options.trustedCaCertPem) return transportOptions(options.trustedCaCertPem);
  const path = options.config.azure.trustedCaCertPath;
  return transportOptions(path ? readFileSync(path, 'utf8') : undefined);
}

/** A replica name that says where it runs, unique even for two processes on one host. */
function replicaName(): string {
  return `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
}

/** What the handlers use. Built once at start (or per test) and passed to `createApp`. */
import type { IncidentBridgeConfig } from '../src/config/config.ts';
import type { IncidentEnricher } from '../src/enrich/incidentEnricher.ts';
import type { InboundAuth } from '../src/auth/inboundAuth.ts';
import type { ApiLimitsConfig } from '../src/config/config.ts';
import type { Logger } from '../src/logging/logger.ts';
import type { Store } from '../src/store/store.ts';
import type { IncidentSync } from '../src/sync/incidentSync.ts';
import type { PairRegistry } from '../src/sync/pairRegistry.ts';
import type { SyncEngine } from '../src/sync/engine/syncEngine.ts';

export interface AppServices {
  config: IncidentBridgeConfig;
  store: Store;
  pairs: PairRegistry;
  sync: IncidentSync;
  engine: SyncEngine;
  enricher: IncidentEnricher;
  logger: Logger;
  /** How long a sync request waits for its job before answering 202. */
  syncWaitMs: number;
  /** Who may call: Entra ID tokens and API keys, from the `auth` section of the config. */
  auth: InboundAuth;
  limits: ApiLimitsConfig;
  mode: 'sandbox' | 'azure';
  version: string;
}

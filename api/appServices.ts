/** What the handlers use. Built once at start (or per test) and passed to `createApp`. */
import type { IncidentEnricher } from '../src/enrich/incidentEnricher.ts';
import type { Logger } from '../src/logging/logger.ts';
import type { Store } from '../src/store/store.ts';
import type { IncidentSync } from '../src/sync/incidentSync.ts';
import type { PairRegistry } from '../src/sync/pairRegistry.ts';

export interface AppServices {
  store: Store;
  pairs: PairRegistry;
  sync: IncidentSync;
  enricher: IncidentEnricher;
  logger: Logger;
  mode: 'sandbox' | 'azure';
  version: string;
}

/**
 * App services for API tests that never reach Sentinel or Graph: a real store, a pair whose
 * clients point at an address nothing listens on. Tests that sync use the emulator instead.
 */
import type { AppServices } from '../../api/appServices.ts';
import { parseConfig } from '../../src/config/loadConfig.ts';
import { silentLogger } from '../../src/logging/logger.ts';
import { buildProviders } from '../../src/enrich/providers/buildProviders.ts';
import { IncidentEnricher } from '../../src/enrich/incidentEnricher.ts';
import { IncidentSync } from '../../src/sync/incidentSync.ts';
import { PairRegistry } from '../../src/sync/pairRegistry.ts';
import { tempStore, type TempStore } from './tempStore.ts';

export const OFFLINE_TENANT = '7a1d4b1e-2c3f-4e5a-9b8c-1d2e3f4a5b6c';

export async function offlineServices(): Promise<{ services: AppServices; temp: TempStore }> {
  const temp = await tempStore();
  const config = parseConfig(
    {
      azure: {
        armEndpoint: 'https://127.0.0.1:9',
        graphEndpoint: 'https://127.0.0.1:9',
        authorityHost: 'https://127.0.0.1:9',
      },
      credentials: {
        offline: {
          kind: 'clientSecret',
          tenantId: OFFLINE_TENANT,
          clientId: 'c',
          clientSecret: 's',
        },
      },
      pairs: [
        {
          name: 'fabrikam',
          defender: { tenantId: OFFLINE_TENANT, credential: 'offline' },
          sentinel: {
            subscriptionId: '5c2f1a9e-0d3b-4c7a-8e6f-2b1a0c9d8e7f',
            resourceGroupName: 'soc-rg',
            workspaceName: 'fabrikam-soc',
            tenantId: OFFLINE_TENANT,
            credential: 'offline',
          },
        },
      ],
    },
    'test',
  );
  const logger = silentLogger();
  const pairs = PairRegistry.fromConfig(config, {});
  const sync = new IncidentSync({ store: temp.store, pairs, logger });
  const enricher = new IncidentEnricher({
    pairs,
    store: temp.store,
    config: config.enrichment,
    providers: await buildProviders(config.enrichment),
    logger,
  });
  return {
    services: { store: temp.store, pairs, sync, enricher, logger, mode: 'azure', version: 'test' },
    temp,
  };
}

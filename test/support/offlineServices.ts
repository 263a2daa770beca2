/**
 * App services for API tests that never reach Sentinel or Graph: a real store in a temporary
 * folder, a pair whose clients point at an address nothing listens on. Tests that sync use the
 * emulator instead (sandboxHarness.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppServices } from '../../api/appServices.ts';
import { parseConfig } from '../../src/config/loadConfig.ts';
import { silentLogger, type Logger } from '../../src/logging/logger.ts';
import { buildServices, closeServices } from '../../src/service/startService.ts';
import { TEST_LIMITS, testApiKeyConfig } from './testCredentials.ts';

export const OFFLINE_TENANT = '7a1d4b1e-2c3f-4e5a-9b8c-1d2e3f4a5b6c';

export interface OfflineServices {
  services: AppServices;
  dispose(): Promise<void>;
}

export interface OfflineServicesOptions {
  /** Defaults to a silent logger; tests about logs pass one writing to a stream. */
  logger?: Logger;
}

export async function offlineServices(
  options: OfflineServicesOptions = {},
): Promise<OfflineServices> {
  const folder = mkdtempSync(join(tmpdir(), 'incident-bridge-api-'));
  const config = parseConfig(
    {
      store: { sqlitePath: join(folder, 'store.db') },
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
      auth: { apiKeys: [testApiKeyConfig()] },
      limits: TEST_LIMITS,
    },
    'test',
  );
  const services = await buildServices({
    config,
    logger: options.logger ?? silentLogger(),
    background: false,
  });
  return {
    services,
    dispose: async () => {
      await closeServices(services);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

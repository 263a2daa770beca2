/**
 * A server for the API overhead benchmark, run in its own process so that autocannon and the
 * server do not share a core. `app` is incident-bridge as production builds it: createApp over
 * the real services, API-key authentication, the caller rate limit, validation against the
 * contract and pino request logs at `info` (written to stdout, which the parent discards).
 * `bare` is the baseline: Express parsing the same JSON body and answering with a body of
 * the same size, nothing else. The port is sent to the parent over IPC.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createApp } from '../../api/createApp.ts';
import { parseConfig } from '../../src/config/loadConfig.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { buildServices } from '../../src/service/startService.ts';
import { listenApi } from '../../src/service/listenApi.ts';
import { testApiKeyConfig } from '../../test/support/testCredentials.ts';

export const MAPPING_PATH = '/api/v1/mappings/defender-to-sentinel';
export const HEALTH_PATH = '/api/v1/health';

const TENANT = '5d0c3b2a-1e4f-4a6b-8c7d-9e0f1a2b3c4d';

async function startApp(): Promise<number> {
  const folder = mkdtempSync(join(tmpdir(), 'incident-bridge-bench-api-'));
  const config = parseConfig(
    {
      store: { sqlitePath: join(folder, 'store.db') },
      azure: {
        armEndpoint: 'https://127.0.0.1:9',
        graphEndpoint: 'https://127.0.0.1:9',
        authorityHost: 'https://127.0.0.1:9',
      },
      credentials: {
        bench: { kind: 'clientSecret', tenantId: TENANT, clientId: 'c', clientSecret: 's' },
      },
      pairs: [
        {
          name: 'bench',
          defender: { tenantId: TENANT, credential: 'bench' },
          sentinel: {
            subscriptionId: '6e1d4c3b-2f5a-4b7c-9d8e-0f1a2b3c4d5e',
            resourceGroupName: 'rg-bench',
            workspaceName: 'law-bench',
            tenantId: TENANT,
            credential: 'bench',
          },
        },
      ],
      auth: { apiKeys: [testApiKeyConfig()] },
      // The only change from the defaults: one caller sends thousands of requests a second
      // here, so its per-minute budget is raised (it is still counted on every request).
      limits: { requestsPerMinute: 100_000_000 },
    },
    'bench',
  );
  const services = await buildServices({
    config,
    logger: createLogger({ level: 'info' }),
    background: false,
  });
  const server = await listenApi(createApp(services), {
    port: 0,
    host: '127.0.0.1',
    requestTimeoutMs: config.limits.requestTimeoutMs,
  });
  return (server.address() as AddressInfo).port;
}

async function startBare(mappingBytes: number, healthBytes: number): Promise<number> {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  const bodyOf = (bytes: number) => JSON.stringify({ pad: 'x'.repeat(Math.max(0, bytes - 10)) });
  const mappingAnswer = bodyOf(mappingBytes);
  const healthAnswer = bodyOf(healthBytes);

  app.post(MAPPING_PATH, express.json({ limit: '5mb' }), (_req, res) => {
    res.type('application/json').send(mappingAnswer);
  });
  app.get(HEALTH_PATH, (_req, res) => {
    res.type('application/json').send(healthAnswer);
  });
  const server = await listenApi(app, { port: 0, host: '127.0.0.1', requestTimeoutMs: 60_000 });
  return (server.address() as AddressInfo).port;
}

const [kind, mappingBytes, healthBytes] = process.argv.slice(2);
const port =
  kind === 'bare' ? await startBare(Number(mappingBytes), Number(healthBytes)) : await startApp();
process.send?.({ port });
// A normal exit on SIGTERM lets `--cpu-prof` write its profile when one is being taken.
process.on('SIGTERM', () => process.exit(0));

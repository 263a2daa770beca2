/**
 * What the API writes to its log, read back from a real pino logger: one line per request
 * naming the caller by id, and no credential or callback signature anywhere, error paths
 * included.
 */
import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/createApp.ts';
import type { AppServices } from '../../api/appServices.ts';
import { captureLogs, type CapturedLogs } from '../support/capturedLogs.ts';
import { OFFLINE_TENANT, offlineServices } from '../support/offlineServices.ts';
import { TEST_API_KEY, TEST_API_KEY_ID } from '../support/testCredentials.ts';

const SIG = 'Zq7SecretSigFromLogicApps';
const CALLBACK_URL =
  'https://prod-04.westeurope.logic.azure.com/workflows/9f1c/triggers/manual/paths/invoke' +
  `?api-version=2016-10-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${SIG}`;
const FORGED_TOKEN =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0aWQiOiI1YjVhMTQ2YyJ9.Zm9yZ2VkU2lnbmF0dXJlVmFsdWU';

/** A sync that fails the way a transport error does: a URL with a secret, headers attached. */
function leakyFailure(): Error {
  return Object.assign(
    new Error(`callback ${CALLBACK_URL} failed; sent X-API-Key ${TEST_API_KEY}`),
    {
      request: { url: CALLBACK_URL, headers: { authorization: `Bearer ${FORGED_TOKEN}` } },
    },
  );
}

let logs: CapturedLogs;
let offline: Awaited<ReturnType<typeof offlineServices>>;
let app: Express;

beforeAll(async () => {
  logs = captureLogs();
  const built = await offlineServices({ logger: logs.logger });
  offline = built;
  // The sync job fails with the leaky error as the API waits for it.
  const jobs = {
    enqueueAndWait: async () => {
      throw leakyFailure();
    },
  };
  const links = Object.assign(Object.create(built.services.sync.links) as object, {
    assertExists: async () => undefined,
  });
  const services: AppServices = {
    ...built.services,
    sync: Object.assign(Object.create(built.services.sync) as object, {
      links,
    }) as unknown as AppServices['sync'],
    engine: { ...built.services.engine, jobs } as unknown as AppServices['engine'],
  };
  app = createApp(services);

  await request(app)
    .get('/api/v1/incident-links?defenderIncidentId=1')
    .set('X-API-Key', TEST_API_KEY);
  await request(app)
    .get(`/api/v1/incident-links?defenderIncidentId=1&callback=${encodeURIComponent(CALLBACK_URL)}`)
    .set('X-API-Key', `${TEST_API_KEY}-wrong`);
  await request(app).get('/api/v1/incident-links').set('Authorization', `Bearer ${FORGED_TOKEN}`);
  await request(app).get(`/api/v1/${encodeURIComponent(CALLBACK_URL)}`);
  await request(app)
    .post('/api/v1/mappings/defender-to-sentinel')
    .set('X-API-Key', TEST_API_KEY)
    .send({ id: '1', description: CALLBACK_URL, callbackUrl: CALLBACK_URL });
  await request(app)
    .post('/api/v1/sync/defender-incident')
    .set('X-API-Key', TEST_API_KEY)
    .send({ tenantId: OFFLINE_TENANT, incidentId: '42' });
});
afterAll(() => offline.dispose());

describe('request log lines', () => {
  it('writes one line per request with id, operation, status, duration and caller', () => {
    const requests = logs.lines().filter((line) => line['msg'] === 'request');

    expect(requests).toHaveLength(6);
    expect(requests[0]).toMatchObject({
      operation: 'GetIncidentLink',
      status: 404,
      caller: { kind: 'apiKey', keyId: TEST_API_KEY_ID },
      problem: 'link_not_found',
    });
    expect(requests[0]?.['requestId']).toMatch(/^[0-9a-f-]{36}$/);
    expect(typeof requests[0]?.['durationMs']).toBe('number');
    expect(requests[1]).toMatchObject({ status: 401, caller: { kind: 'anonymous' } });
    expect(requests[5]).toMatchObject({ operation: 'SyncDefenderIncident', status: 500 });
  });

  it('logs the failure of an error path with its message scrubbed', () => {
    const failure = logs.lines().find((line) => line['msg'] === 'request failed');
    const err = failure?.['err'] as Record<string, unknown>;

    expect(err['message']).toMatch(/sig=\[redacted\]/);
    expect(err['request']).toBeUndefined();
  });

  it('never writes a key, a token or a callback signature', () => {
    const text = logs.text();

    expect(text).not.toContain(SIG);
    expect(text).not.toContain(TEST_API_KEY);
    expect(text).not.toContain(FORGED_TOKEN.split('.')[2]);
    expect(text).not.toContain('eyJhbGci');
  });

  it('answers the error path without its internal message', async () => {
    const response = await request(app)
      .post('/api/v1/sync/defender-incident')
      .set('X-API-Key', TEST_API_KEY)
      .send({ tenantId: OFFLINE_TENANT, incidentId: '43' });

    expect(response.status).toBe(500);
    expect(response.body).toMatchObject({ code: 'internal_error' });
    expect(response.text).not.toMatch(/callback|logic\.azure|ib_test|at \S+ \(/);
  });
});

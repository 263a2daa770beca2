/**
 * Authentication with API keys and the limits in front of every operation, on the offline
 * services: credentials, roles, rate limits, body size, content types, timeouts, headers.
 */
import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/createApp.ts';
import type { AppServices } from '../../api/appServices.ts';
import type { components } from '../../openapi/generated/types.ts';
import { hashApiKey } from '../../src/auth/apiKeys.ts';
import { InboundAuth } from '../../src/auth/inboundAuth.ts';
import { parseConfig } from '../../src/config/loadConfig.ts';
import { IncidentSync } from '../../src/sync/incidentSync.ts';
import { expectContractResponse } from '../support/contract.ts';
import { OFFLINE_TENANT, offlineServices } from '../support/offlineServices.ts';
import { TEST_API_KEY, testApiKeyConfig } from '../support/testCredentials.ts';

type Problem = components['schemas']['Problem'];

const READER_KEY = 'ib_reader-only-key-0123456789';
const LINKS = '/api/v1/incident-links?defenderIncidentId=1';
const SYNC = '/api/v1/sync/defender-incident';

let services: AppServices;
let offline: Awaited<ReturnType<typeof offlineServices>>;
let app: Express;

beforeAll(async () => {
  const built = await offlineServices();
  offline = built;
  const keys = parseConfig({
    auth: {
      apiKeys: [
        testApiKeyConfig(),
        { id: 'reader', sha256: hashApiKey(READER_KEY), roles: ['Incidents.Read'] },
      ],
    },
  });
  services = { ...built.services, auth: new InboundAuth(keys.auth) };
  app = createApp(built.services);
});
afterAll(() => offline.dispose());

function appWith(overrides: Partial<AppServices>): Express {
  return createApp({ ...services, ...overrides });
}

describe('credentials', () => {
  it('leaves GetHealth open', async () => {
    const response = await request(app).get('/api/v1/health?probe=liveness');

    expect(response.status).toBe(200);
  });

  it('answers 401 credentials_missing with a WWW-Authenticate challenge when nothing is sent', async () => {
    const response = await request(app).get(LINKS);

    expect(response.status).toBe(401);
    expectContractResponse('GetIncidentLink', response);
    expect((response.body as Problem).code).toBe('credentials_missing');
    expect(response.headers['www-authenticate']).toMatch(/^Bearer realm="incident-bridge"/);
  });

  it('refuses an unknown key, an empty key, and a key sent with a token', async () => {
    const unknown = await request(app).get(LINKS).set('X-API-Key', `${TEST_API_KEY}x`);
    const empty = await request(app).get(LINKS).set('X-API-Key', '');
    const both = await request(app)
      .get(LINKS)
      .set('X-API-Key', TEST_API_KEY)
      .set('Authorization', 'Bearer abc.def.ghi');

    for (const response of [unknown, empty, both]) {
      expect(response.status).toBe(401);
      expect((response.body as Problem).code).toBe('credentials_invalid');
      expectContractResponse('GetIncidentLink', response);
    }
    expect((both.body as Problem).detail).toMatch(/not both/);
  });

  it('refuses bearer tokens when the service accepts no tenant', async () => {
    const response = await request(app).get(LINKS).set('Authorization', 'Bearer abc.def.ghi');

    expect(response.status).toBe(401);
    expect((response.body as Problem).detail).toMatch(/bearer tokens are not accepted/);
  });

  it('answers 403 role_missing naming the accepted roles for a key without the role', async () => {
    const response = await request(appWith({}))
      .post(SYNC)
      .set('X-API-Key', READER_KEY)
      .send({ tenantId: OFFLINE_TENANT, incidentId: '1' });

    expect(response.status).toBe(403);
    expectContractResponse('SyncDefenderIncident', response);
    const problem = response.body as Problem;
    expect(problem.code).toBe('role_missing');
    expect(problem.errors).toEqual([
      {
        field: 'roles',
        message: 'the caller holds none of the roles this operation accepts',
        acceptedValues: ['Incidents.Sync'],
      },
    ]);
  });

  it('checks the credential before reading the body', async () => {
    const response = await request(app)
      .post(SYNC)
      .set('content-type', 'application/json')
      .send('{"not json');

    expect(response.status).toBe(401);
  });
});

describe('limits', () => {
  it('answers 429 with Retry-After once a caller spends its budget', async () => {
    const limited = appWith({ limits: { ...services.limits, requestsPerMinute: 3 } });
    const statuses: number[] = [];
    let last: request.Response | undefined;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      last = await request(limited).get(LINKS).set('X-API-Key', READER_KEY);
      statuses.push(last.status);
    }

    expect(statuses).toEqual([404, 404, 404, 429, 429]);
    expectContractResponse('GetIncidentLink', last as request.Response);
    expect((last?.body as Problem).code).toBe('rate_limited');
    expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
    expect(last?.headers['ratelimit-limit']).toBe('3');
    expect(last?.headers['ratelimit-remaining']).toBe('0');
  });

  it('counts callers apart: one key spending its budget leaves another untouched', async () => {
    const limited = appWith({ limits: { ...services.limits, requestsPerMinute: 1 } });
    await request(limited).get(LINKS).set('X-API-Key', READER_KEY);
    const spent = await request(limited).get(LINKS).set('X-API-Key', READER_KEY);
    const other = await request(limited).get(LINKS).set('X-API-Key', TEST_API_KEY);

    expect(spent.status).toBe(429);
    expect(other.status).toBe(404);
  });

  it('answers 429 to an address that keeps sending refused credentials, not to good ones', async () => {
    const limited = appWith({ limits: { ...services.limits, failedAuthPerMinute: 2 } });
    const guesses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const guess = await request(limited).get(LINKS).set('X-API-Key', `ib_guess-${attempt}`);
      guesses.push(guess.status);
    }
    const good = await request(limited).get(LINKS).set('X-API-Key', READER_KEY);

    expect(guesses).toEqual([401, 401, 429, 429]);
    expect(good.status).toBe(404);
  });

  it('answers 413 body_too_large past the body limit', async () => {
    const small = appWith({ limits: { ...services.limits, bodyLimitBytes: 1024 } });
    const response = await request(small)
      .post('/api/v1/mappings/defender-to-sentinel')
      .set('X-API-Key', READER_KEY)
      .send({ id: '1', description: 'x'.repeat(2048) });

    expect(response.status).toBe(413);
    expectContractResponse('MapDefenderIncident', response);
    expect((response.body as Problem).code).toBe('body_too_large');
  });

  it('takes application/json only, whatever else claims to be JSON', async () => {
    for (const type of [
      'text/plain',
      'application/merge-patch+json',
      'application/x-www-form-urlencoded',
    ]) {
      const response = await request(app)
        .post('/api/v1/mappings/defender-to-sentinel')
        .set('X-API-Key', TEST_API_KEY)
        .set('content-type', type)
        .send('{"id":"1"}');

      expect(response.status, type).toBe(415);
      expect((response.body as Problem).code).toBe('unsupported_media_type');
    }
  });

  it('answers 504 request_timeout when the work takes too long, and stays up', async () => {
    class HangingSync extends IncidentSync {
      override syncDefenderIncident(): ReturnType<IncidentSync['syncDefenderIncident']> {
        return new Promise(() => undefined);
      }
    }
    const slow = appWith({
      sync: new HangingSync({
        store: services.store,
        pairs: services.pairs,
        logger: services.logger,
      }),
      limits: { ...services.limits, requestTimeoutMs: 1000 },
    });

    const response = await request(slow)
      .post(SYNC)
      .set('X-API-Key', TEST_API_KEY)
      .send({ tenantId: OFFLINE_TENANT, incidentId: '1' });
    const after = await request(slow).get('/api/v1/health?probe=liveness');

    expect(response.status).toBe(504);
    expectContractResponse('SyncDefenderIncident', response);
    expect((response.body as Problem).code).toBe('request_timeout');
    expect(after.status).toBe(200);
  });

  it("sends helmet's headers and no stack or internal message in a 404", async () => {
    const response = await request(app).get('/api/v1/nothing/here');

    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(JSON.stringify(response.body)).not.toMatch(/\bat \S+ \(|node_modules|\.ts:\d+/);
  });
});

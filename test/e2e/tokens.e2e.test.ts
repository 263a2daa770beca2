/**
 * Entra ID tokens against every protected operation of the route table, through the sandbox:
 * the emulator publishes the tenant's OpenID metadata and keys and issues the good tokens.
 * Each forged or wrong token gets 401 (bad credential) or 403 (no role), never anything the
 * operation would answer, and the token never comes back in the answer.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../api/routes.ts';
import { loadOpenApiDocument } from '../../api/validation/openapiDocument.ts';
import type { components } from '../../openapi/generated/types.ts';
import { startSandboxHarness, type SandboxHarness } from '../support/sandboxHarness.ts';
import { OTHER_TENANT, TokenFactory } from '../support/tokenFactory.ts';

type Problem = components['schemas']['Problem'];

const document = loadOpenApiDocument();
const protectedOperations = routes
  .filter((route) => !route.auth.open)
  .map((route) => {
    const operation = document.operations.find((item) => item.operationId === route.operationId);
    if (!operation) throw new Error(`${route.operationId} is not in the contract`);
    return operation;
  });

let harness: SandboxHarness;
let tokens: TokenFactory;
beforeAll(async () => {
  harness = await startSandboxHarness();
  tokens = new TokenFactory(harness);
});
afterAll(() => harness.close());

function call(operation: (typeof protectedOperations)[number], token: string) {
  const path = `${document.basePath}${operation.path}`.replace(/\{[^}]+\}/g, 'x');
  const sent = request(harness.app)[operation.method](path).set('Authorization', `Bearer ${token}`);
  return operation.requestBodySchema ? sent.send({}) : sent;
}

/** The details of the answers of the last `statusesFor`. */
const details = new Set<string>();

async function statusesFor(token: string): Promise<Record<string, number>> {
  details.clear();
  const statuses: Record<string, number> = {};
  for (const operation of protectedOperations) {
    const response = await call(operation, token);
    statuses[operation.operationId] = response.status;
    details.add((response.body as Problem).detail);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.text).not.toContain(token.split('.')[2] || token);
  }
  return statuses;
}

function everyOperation(status: number): Record<string, number> {
  return Object.fromEntries(
    protectedOperations.map((operation) => [operation.operationId, status]),
  );
}

describe('tokens that are refused', () => {
  const cases: Array<[string, () => Promise<string>, number, RegExp]> = [
    ['alg: none', () => tokens.unsigned(tokens.claims()), 401, /only RS256/],
    [
      'signed with another key under the real key id',
      () => tokens.signedWithOtherKey(tokens.claims()),
      401,
      /signature does not verify/,
    ],
    [
      'signed with an unknown key id',
      () => tokens.signedWithOtherKey(tokens.claims(), 'rotated-away'),
      401,
      /unknown key/,
    ],
    [
      'HS256 signed with the public key',
      () => tokens.hs256WithPublicKey(tokens.claims()),
      401,
      /only RS256/,
    ],
    [
      'wrong audience (ARM)',
      () => tokens.signed(tokens.claims({ aud: 'https://management.azure.com' })),
      401,
      /audience is not this API/,
    ],
    [
      'wrong issuer',
      () => tokens.signed(tokens.claims({ iss: `https://evil.example/${tokens.tenantId}/v2.0` })),
      401,
      /issuer is not accepted/,
    ],
    [
      'another tenant',
      () =>
        tokens.signed(
          tokens.claims({ tid: OTHER_TENANT, iss: `https://sts.windows.net/${OTHER_TENANT}/` }),
        ),
      401,
      /tenant 0f5e2d8c-3b1a-4c7e-9d6f-2a8b4c0e6f13 are not accepted/,
    ],
    [
      'tenant claim and issuer of different tenants',
      () => tokens.signed(tokens.claims({ iss: `https://sts.windows.net/${OTHER_TENANT}/` })),
      401,
      /issuer is not accepted/,
    ],
    [
      'expired past the clock skew',
      () => tokens.signed(tokens.claims({ exp: nowSeconds() - 120 })),
      401,
      /has expired/,
    ],
    [
      'not valid for another hour',
      () => tokens.signed(tokens.claims({ nbf: nowSeconds() + 3600 })),
      401,
      /not valid yet/,
    ],
    ['without an expiry', () => tokens.signed(tokens.claims({ exp: undefined })), 401, /exp claim/],
    [
      'a v1 token with the v2 issuer',
      () => tokens.signed(tokens.v2Claims({ ver: '1.0' })),
      401,
      /version 1.0 token has the issuer of version 2.0/,
    ],
    ['without any role', () => tokens.signed(tokens.claims({ roles: [] })), 403, /needs the role/],
    [
      'with a role that is not ours',
      () => tokens.signed(tokens.claims({ roles: ['Incidents.Admin'] })),
      403,
      /needs the role/,
    ],
    ['not a JWT', async () => 'not-a-jwt', 401, /not a JWT/],
  ];

  for (const [name, make, status, reason] of cases) {
    it(`${name}: ${status} on every protected operation`, async () => {
      const token = await make();

      expect(await statusesFor(token)).toEqual(everyOperation(status));
      for (const detail of details) expect(detail).toMatch(reason);
    });
  }

  it('names the reason without echoing the token', async () => {
    const expired = await tokens.signed(tokens.claims({ exp: nowSeconds() - 600 }));
    const response = await request(harness.app)
      .get('/api/v1/incident-links?defenderIncidentId=1')
      .set('Authorization', `Bearer ${expired}`);

    const problem = response.body as Problem;
    expect(problem.code).toBe('credentials_invalid');
    expect(problem.detail).toBe('The bearer token is refused: it has expired.');
  });

  it('refuses an ARM token the emulator really issued (confused deputy)', async () => {
    const arm = await tokens.appToken(
      'sentinel-sync-playbook',
      'https://management.azure.com/.default',
    );

    expect(await statusesFor(arm)).toEqual(everyOperation(401));
  });

  it('answers 403 to an app the API granted no role', async () => {
    const token = await tokens.appToken('incident-bridge-connector');

    expect(await statusesFor(token)).toEqual(everyOperation(403));
  });
});

describe('tokens that are accepted', () => {
  it('takes the playbook app token (v1, app roles) on every protected operation', async () => {
    const token = await tokens.appToken('sentinel-sync-playbook');

    for (const operation of protectedOperations) {
      const response = await call(operation, token);
      expect([401, 403], operation.operationId).not.toContain(response.status);
    }
  });

  it('takes a v2 token (v2 issuer, client id audience)', async () => {
    const token = await tokens.signed(tokens.v2Claims());
    const response = await request(harness.app)
      .get('/api/v1/incident-links?defenderIncidentId=1')
      .set('Authorization', `Bearer ${token}`);

    expect(response.status).toBe(404);
  });

  it('takes a token that expired within the clock skew', async () => {
    const token = await tokens.signed(tokens.claims({ exp: nowSeconds() - 30 }));
    const response = await request(harness.app)
      .get('/api/v1/incident-links?defenderIncidentId=1')
      .set('Authorization', `Bearer ${token}`);

    expect(response.status).toBe(404);
  });

  it('maps the delegated scopes of a user token to operations', async () => {
    const token = await tokens.userToken(['Incidents.Read']);
    const read = await request(harness.app)
      .get('/api/v1/incident-links?defenderIncidentId=1')
      .set('Authorization', `Bearer ${token}`);
    const sync = await request(harness.app)
      .post('/api/v1/sync/defender-incident')
      .set('Authorization', `Bearer ${token}`)
      .send({ tenantId: tokens.tenantId, incidentId: '1' });

    expect(read.status).toBe(404);
    expect(sync.status).toBe(403);
    expect((sync.body as Problem).errors[0]?.acceptedValues).toEqual(['Incidents.Sync']);
  });
});

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/**
 * The tenant's signing keys are fetched once through its OpenID metadata, kept, and fetched
 * again when a token names a key id not held (Entra ID rotates keys). Served here by a small
 * HTTPS server that can rotate its keys; the client trusts it like the sandbox emulator.
 */
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InboundAuth } from '../../../src/auth/inboundAuth.ts';
import { InboundAuthError } from '../../../src/auth/inboundAuthError.ts';
import { parseConfig } from '../../../src/config/loadConfig.ts';
import { emulatorTlsMaterial } from '../../../src/emulator/tls.ts';

const TENANT = '5b5a146c-eba8-46af-96f8-e31b50d15a3f';
const AUDIENCE = 'api://incident-bridge-test';

interface TestKey {
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

let server: Server;
let baseUrl: string;
let caCertPem: string;
let published: TestKey[] = [];
let keyFetches = 0;
let keysStatus = 200;

beforeAll(async () => {
  const tls = await emulatorTlsMaterial();
  caCertPem = tls.certPem;
  server = createServer({ key: tls.keyPem, cert: tls.certPem }, (req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === `/${TENANT}/v2.0/.well-known/openid-configuration`) {
      res.end(JSON.stringify({ issuer: 'x', jwks_uri: `${baseUrl}/keys` }));
      return;
    }
    keyFetches += 1;
    res.statusCode = keysStatus;
    res.end(JSON.stringify({ keys: published.map((key) => key.jwk) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `https://localhost:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function newKey(kid: string): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  return {
    kid,
    privateKey,
    jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' },
  };
}

function authFor(url = `${baseUrl}/{tenantId}/v2.0/.well-known/openid-configuration`) {
  const config = parseConfig({
    auth: { tenants: [TENANT], audiences: [AUDIENCE], openIdMetadataUrl: url },
  });
  return new InboundAuth(config.auth, {
    transport: { tlsOptions: { ca: caCertPem } },
    keyRefreshCooldownMs: 0,
  });
}

async function tokenSignedBy(key: TestKey): Promise<string> {
  return new SignJWT({
    tid: TENANT,
    oid: 'o-1',
    appid: 'a-1',
    ver: '1.0',
    roles: ['Incidents.Read'],
  })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid })
    .setIssuer(`https://sts.windows.net/${TENANT}/`)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setNotBefore('0s')
    .setExpirationTime('1h')
    .sign(key.privateKey);
}

async function refusalOf(promise: Promise<unknown>): Promise<InboundAuthError> {
  const error = await promise.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  if (!(error instanceof InboundAuthError)) throw new Error('expected a refusal');
  return error;
}

describe('signing keys of a tenant', () => {
  it('fetches the keys once, then again only for an unknown key id', async () => {
    const first = await newKey('key-1');
    const second = await newKey('key-2');
    published = [first];
    keyFetches = 0;
    const auth = authFor();

    const caller = await auth.authenticate({
      authorization: `Bearer ${await tokenSignedBy(first)}`,
    });
    await auth.authenticate({ authorization: `Bearer ${await tokenSignedBy(first)}` });
    expect(caller).toMatchObject({ kind: 'app', tenantId: TENANT, objectId: 'o-1', appId: 'a-1' });
    expect(keyFetches).toBe(1);

    published = [second];
    await auth.authenticate({ authorization: `Bearer ${await tokenSignedBy(second)}` });
    expect(keyFetches).toBe(2);

    const retired = await refusalOf(
      auth.authenticate({ authorization: `Bearer ${await tokenSignedBy(first)}` }),
    );
    expect(retired.code).toBe('credentials_invalid');
    expect(retired.detail).toMatch(/unknown key/);
  });

  it('answers token_keys_unavailable when the keys cannot be fetched, then recovers', async () => {
    const key = await newKey('key-3');
    published = [key];
    keysStatus = 500;
    const auth = authFor();

    const unavailable = await refusalOf(
      auth.authenticate({ authorization: `Bearer ${await tokenSignedBy(key)}` }),
    );
    keysStatus = 200;
    const caller = await auth.authenticate({ authorization: `Bearer ${await tokenSignedBy(key)}` });

    expect(unavailable.code).toBe('token_keys_unavailable');
    expect(caller.kind).toBe('app');
  });

  it('answers token_keys_unavailable when the metadata does not answer', async () => {
    const key = await newKey('key-4');
    const auth = authFor('https://127.0.0.1:9/{tenantId}/v2.0/.well-known/openid-configuration');

    const refusal = await refusalOf(
      auth.authenticate({ authorization: `Bearer ${await tokenSignedBy(key)}` }),
    );
    expect(refusal.code).toBe('token_keys_unavailable');
  });
});

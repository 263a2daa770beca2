import { ClientCertificateCredential } from '@azure/identity';
import { createLocalJWKSet, decodeJwt, jwtVerify, type JSONWebKeySet } from 'jose';
import { generate } from 'selfsigned';
import { describe, expect, it } from 'vitest';

import {
  credentialFor,
  controlCaller,
  ARM_SCOPE,
  GRAPH_SCOPE,
  TEST_APP,
} from './support/clients.ts';
import { useEmulator } from './support/emulatorFixture.ts';
import { APP, TENANT, testSeed } from './support/testSeed.ts';

const CERT_APP = { clientId: 'e7f9a5c8-1d3f-4b6e-8a0c-2e4f6a8c0e13', displayName: 'cert-app' };

async function rsaCertificate() {
  const pems = await generate([{ name: 'commonName', value: 'cert-app' }], {
    keySize: 2048,
    algorithm: 'sha256',
  });
  return { certPem: pems.cert, keyPem: pems.private };
}

let trusted: { certPem: string; keyPem: string };
let stranger: { certPem: string; keyPem: string };

const emulator = useEmulator(async () => {
  [trusted, stranger] = await Promise.all([rsaCertificate(), rsaCertificate()]);
  const seed = testSeed();
  seed.tenants[0]?.clients.push({ ...CERT_APP, certificatePem: trusted.certPem });
  return { seed };
});

function certificateCredential(pems: { certPem: string; keyPem: string }) {
  return new ClientCertificateCredential(
    TENANT,
    CERT_APP.clientId,
    { certificate: `${pems.keyPem}\n${pems.certPem}` },
    {
      authorityHost: emulator().url,
      disableInstanceDiscovery: true,
      tlsOptions: { ca: emulator().caCertPem },
    },
  );
}

describe('emulated Entra ID', () => {
  it('announces its endpoints in the tenant OpenID configuration', async () => {
    const answer = await controlCaller(emulator()).send(
      'GET',
      `/${TENANT}/v2.0/.well-known/openid-configuration`,
    );

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      issuer: `${emulator().url}/${TENANT}/v2.0`,
      token_endpoint: `${emulator().url}/${TENANT}/oauth2/v2.0/token`,
      jwks_uri: `${emulator().url}/${TENANT}/discovery/v2.0/keys`,
    });
  });

  it('issues app tokens to a client secret credential, signed by the published keys', async () => {
    const token = await credentialFor(emulator()).getToken(ARM_SCOPE);

    const jwks = await controlCaller(emulator()).send('GET', `/${TENANT}/discovery/v2.0/keys`);
    const { payload, protectedHeader } = await jwtVerify(
      token.token,
      createLocalJWKSet(jwks.body as JSONWebKeySet),
      { issuer: `${emulator().url}/${TENANT}/v2.0`, audience: 'https://management.azure.com' },
    );

    expect(protectedHeader.alg).toBe('RS256');
    expect(payload).toMatchObject({
      tid: TENANT,
      appid: APP.clientId,
      azp: APP.clientId,
      idtyp: 'app',
      appidacr: '1',
    });
    expect(typeof payload['oid']).toBe('string');
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(3600);
  });

  it('sets the audience from the requested resource', async () => {
    const token = await credentialFor(emulator()).getToken(GRAPH_SCOPE);
    expect(decodeJwt(token.token).aud).toBe('https://graph.microsoft.com');
  });

  it('refuses a wrong client secret with AADSTS7000215', async () => {
    const credential = credentialFor(emulator(), { ...TEST_APP, clientSecret: 'not-the-secret' });
    await expect(credential.getToken(ARM_SCOPE)).rejects.toThrow(/AADSTS7000215/);
  });

  it('refuses an app the tenant does not know with AADSTS700016', async () => {
    const credential = credentialFor(emulator(), {
      ...TEST_APP,
      clientId: '00000000-0000-4000-8000-000000000000',
    });
    await expect(credential.getToken(ARM_SCOPE)).rejects.toThrow(/AADSTS700016/);
  });

  it('refuses a resource it does not emulate with AADSTS500011', async () => {
    const credential = credentialFor(emulator());
    await expect(credential.getToken('https://vault.azure.net/.default')).rejects.toThrow(
      /AADSTS500011/,
    );
  });

  it('answers a wrong secret with 401 and the AADSTS error body MSAL parses', async () => {
    const answer = await controlCaller(emulator()).send('POST', `/${TENANT}/oauth2/v2.0/token`, {
      form: {
        grant_type: 'client_credentials',
        client_id: APP.clientId,
        client_secret: 'wrong',
        scope: ARM_SCOPE,
      },
    });

    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ error: 'invalid_client', error_codes: [7000215] });
    expect((answer.body as { error_description: string }).error_description).toMatch(
      /^AADSTS7000215: .*\r\nTrace ID: /s,
    );
  });

  it('refuses grants other than client credentials and unknown tenants', async () => {
    const caller = controlCaller(emulator());
    const password = await caller.send('POST', `/${TENANT}/oauth2/v2.0/token`, {
      form: { grant_type: 'password', client_id: APP.clientId },
    });
    const tenantless = await caller.send(
      'POST',
      '/00000000-0000-4000-8000-00000000beef/oauth2/v2.0/token',
      { form: { grant_type: 'client_credentials', client_id: APP.clientId } },
    );

    expect(password.body).toMatchObject({ error: 'unsupported_grant_type', error_codes: [70003] });
    expect(tenantless.body).toMatchObject({ error: 'invalid_tenant', error_codes: [90002] });
  });

  it('accepts a certificate credential whose assertion the seeded certificate signed', async () => {
    const token = await certificateCredential(trusted).getToken(ARM_SCOPE);
    expect(decodeJwt(token.token)).toMatchObject({ appid: CERT_APP.clientId, appidacr: '2' });
  });

  it('refuses an assertion signed by another certificate', async () => {
    await expect(certificateCredential(stranger).getToken(ARM_SCOPE)).rejects.toThrow(
      /AADSTS700027/,
    );
  });

  it('serves the instance discovery document MSAL asks for when discovery is on', async () => {
    const authorize = encodeURIComponent(`${emulator().url}/${TENANT}/oauth2/v2.0/authorize`);
    const answer = await controlCaller(emulator()).send(
      'GET',
      `/common/discovery/instance?api-version=1.1&authorization_endpoint=${authorize}`,
    );

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      tenant_discovery_endpoint:
        `${emulator().url}/${TENANT}/v2.0/.well-known/` + 'openid-configuration',
    });
  });
});

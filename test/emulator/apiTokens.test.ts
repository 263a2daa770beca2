/**
 * Tokens for an API registered in a tenant (beside ARM and Graph): what a playbook's managed
 * identity or a connector's OAuth connection would present to incident-bridge.
 */
import { createLocalJWKSet, decodeJwt, jwtVerify, type JSONWebKeySet } from 'jose';
import { describe, expect, it } from 'vitest';

import { controlCaller, credentialFor } from './support/clients.ts';
import { useEmulator } from './support/emulatorFixture.ts';
import { APP, OTHER_APP, TENANT, USERS, testSeed } from './support/testSeed.ts';

const API_V1 = {
  appId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  identifierUri: 'api://bridge-under-test',
  displayName: 'bridge API',
  appRoleAssignments: { [APP.clientId]: ['Incidents.Read', 'Incidents.Sync'] },
};
const API_V2 = {
  appId: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
  identifierUri: 'api://bridge-v2',
  displayName: 'bridge API v2',
  accessTokenVersion: 2 as const,
};

const emulator = useEmulator(() => {
  const seed = testSeed();
  const [tenant] = seed.tenants;
  if (tenant) tenant.apis = [API_V1, API_V2];
  return Promise.resolve({ seed });
});

async function appToken(scope: string): Promise<string> {
  const token = await credentialFor(emulator()).getToken(scope);
  if (!token) throw new Error('no token');
  return token.token;
}

describe('tokens for a registered API', () => {
  it('issues a v1 app-only token with the roles granted to the app', async () => {
    const claims = decodeJwt(await appToken('api://bridge-under-test/.default'));

    expect(claims).toMatchObject({
      iss: `https://sts.windows.net/${TENANT}/`,
      aud: 'api://bridge-under-test',
      tid: TENANT,
      appid: APP.clientId,
      idtyp: 'app',
      ver: '1.0',
      roles: ['Incidents.Read', 'Incidents.Sync'],
    });
  });

  it('issues a v2 token (client id audience, v2 issuer) and leaves roles out when none is granted', async () => {
    const claims = decodeJwt(await appToken(`${API_V2.appId}/.default`));

    expect(claims).toMatchObject({
      iss: `${emulator().url}/${TENANT}/v2.0`,
      aud: API_V2.appId,
      azp: APP.clientId,
      ver: '2.0',
    });
    expect(claims).not.toHaveProperty('roles');
  });

  it('signs them with the key both OpenID documents publish', async () => {
    const control = controlCaller(emulator());
    const v1 = await control.send('GET', `/${TENANT}/.well-known/openid-configuration`);
    const metadata = v1.body as { issuer: string; jwks_uri: string };
    const keys = await control.send('GET', metadata.jwks_uri);

    expect(metadata.issuer).toBe(`https://sts.windows.net/${TENANT}/`);
    const token = await appToken('api://bridge-under-test/.default');
    const verified = await jwtVerify(token, createLocalJWKSet(keys.body as JSONWebKeySet), {
      issuer: metadata.issuer,
      audience: 'api://bridge-under-test',
    });
    expect(verified.payload.tid).toBe(TENANT);
  });

  it('issues a delegated token with the consented scopes through the control API', async () => {
    const answer = await controlCaller(emulator()).send(
      'POST',
      '/_emulator/identity/delegated-tokens',
      {
        body: {
          tenantId: TENANT,
          user: USERS.analyst.userPrincipalName,
          clientId: APP.clientId,
          resource: API_V1.identifierUri,
          scopes: ['Incidents.Read'],
        },
      },
    );

    expect(answer.status).toBe(200);
    const claims = decodeJwt((answer.body as { access_token: string }).access_token);
    expect(claims).toMatchObject({
      scp: 'Incidents.Read',
      oid: USERS.analyst.id,
      aud: 'api://bridge-under-test',
    });
    expect(claims).not.toHaveProperty('roles');
  });

  it('refuses a delegated token to a client of another tenant', async () => {
    const answer = await controlCaller(emulator()).send(
      'POST',
      '/_emulator/identity/delegated-tokens',
      {
        body: {
          tenantId: TENANT,
          user: USERS.analyst.id,
          clientId: OTHER_APP.clientId,
          resource: API_V1.identifierUri,
          scopes: [],
        },
      },
    );

    expect(answer.status).toBe(404);
  });

  it('still refuses a resource nobody registered', async () => {
    await expect(appToken('api://nobody/.default')).rejects.toThrow(/AADSTS500011/);
  });
});

/**
 * Tokens for the sandbox's incident-bridge API, good and bad. Good ones come from the
 * emulator as callers get them (client credentials through @azure/identity, or a delegated
 * sign-in through the control API); bad ones are signed here, with the emulator's own key
 * where only a claim should be wrong.
 */
import request from 'supertest';
import { SignJWT, UnsecuredJWT, exportSPKI, generateKeyPair, type JWTPayload } from 'jose';
import { emulatorSigningKey } from '../../src/emulator/identity/signingKey.ts';
import { createCredential } from '../../src/clients/createCredential.ts';
import { transportOptions } from '../../src/clients/transportOptions.ts';
import type { SandboxHarness } from './sandboxHarness.ts';

export const OTHER_TENANT = '0f5e2d8c-3b1a-4c7e-9d6f-2a8b4c0e6f13';

export class TokenFactory {
  constructor(private readonly harness: SandboxHarness) {}

  get tenantId(): string {
    return this.harness.scenario.tenantId;
  }

  private get api() {
    const api = this.harness.seed.tenants[0]?.apis?.[0];
    if (!api) throw new Error('the sandbox seed registers no API');
    return api;
  }

  /** A client-credentials token the emulator issues to a seeded app, for `scope`. */
  async appToken(displayName: string, scope = `${this.api.identifierUri}/.default`) {
    const client = this.harness.seed.tenants[0]?.clients.find(
      (candidate) => candidate.displayName === displayName,
    );
    if (!client?.clientSecret) throw new Error(`no seeded app ${displayName}`);

    const credential = createCredential(
      displayName,
      {
        kind: 'clientSecret',
        tenantId: this.tenantId,
        clientId: client.clientId,
        clientSecret: client.clientSecret,
      },
      {
        authorityHost: this.harness.emulator.url,
        transport: transportOptions(this.harness.emulator.caCertPem),
      },
    );
    const token = await credential.getToken(scope);
    if (!token) throw new Error('no token');
    return token.token;
  }

  /** A delegated token: a seeded user signed in through the connector app with `scopes`. */
  async userToken(scopes: string[]): Promise<string> {
    const connector = this.harness.seed.tenants[0]?.clients.find(
      (client) => client.displayName === 'incident-bridge-connector',
    );
    const user = this.harness.seed.tenants[0]?.users[0];
    const response = await request(this.harness.emulator.url)
      .post('/_emulator/identity/delegated-tokens')
      .ca(this.harness.emulator.caCertPem)
      .send({
        tenantId: this.tenantId,
        user: user?.userPrincipalName,
        clientId: connector?.clientId,
        resource: this.api.identifierUri,
        scopes,
      });
    if (response.status !== 200) throw new Error(`delegated token: ${response.status}`);
    return (response.body as { access_token: string }).access_token;
  }

  /** The claims of a good v1 app-only token, for signed variants to change one thing in. */
  claims(overrides: JWTPayload = {}): JWTPayload {
    const now = Math.floor(Date.now() / 1000);
    return {
      iss: `https://sts.windows.net/${this.tenantId}/`,
      aud: this.api.identifierUri,
      tid: this.tenantId,
      oid: '4d2b8f6e-0a9c-4e1d-b7f3-6c5a2e8d0b41',
      sub: '4d2b8f6e-0a9c-4e1d-b7f3-6c5a2e8d0b41',
      appid: '9d4f2b7e-1c8a-4e3d-b6f0-5a2e8c1d7b39',
      idtyp: 'app',
      ver: '1.0',
      roles: ['Incidents.Read', 'Incidents.Sync', 'Incidents.Enrich'],
      iat: now - 10,
      nbf: now - 10,
      exp: now + 3600,
      ...overrides,
    };
  }

  /** A v2 token: the v2 issuer of the tenant and the API's client id as audience. */
  v2Claims(overrides: JWTPayload = {}): JWTPayload {
    const { appid, ...v1 } = this.claims();
    return {
      ...v1,
      iss: `${this.harness.emulator.url}/${this.tenantId}/v2.0`,
      aud: this.api.appId,
      azp: appid,
      ver: '2.0',
      ...overrides,
    };
  }

  /** Signed with the emulator's key: only the claims can make it wrong. */
  async signed(claims: JWTPayload): Promise<string> {
    const key = await emulatorSigningKey();
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid })
      .sign(key.privateKey);
  }

  async unsigned(claims: JWTPayload): Promise<string> {
    return new UnsecuredJWT(claims).encode();
  }

  /** Signed with another RSA key under `kid` (the emulator's kid unless given). */
  async signedWithOtherKey(claims: JWTPayload, kid?: string): Promise<string> {
    const { privateKey } = await generateKeyPair('RS256');
    const emulatorKid = (await emulatorSigningKey()).kid;
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: kid ?? emulatorKid })
      .sign(privateKey);
  }

  /** The classic key confusion: HS256 with the RSA public key (PEM) as the HMAC secret. */
  async hs256WithPublicKey(claims: JWTPayload): Promise<string> {
    const key = await emulatorSigningKey();
    const pem = await exportSPKI(key.publicKey);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: key.kid })
      .sign(new TextEncoder().encode(pem));
  }
}

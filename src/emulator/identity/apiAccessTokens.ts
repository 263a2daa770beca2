/**
 * Access tokens for an API registered in a tenant, as Entra ID issues them: the manifest's
 * accessTokenAcceptedVersion picks v1 (issuer `https://sts.windows.net/{tid}/`, audience the
 * App ID URI, `appid`) or v2 (issuer `.../{tid}/v2.0`, audience the client id, `azp`).
 * App-only tokens carry the app roles granted to the client in `roles` (left out when there
 * are none, as Entra ID does); delegated tokens carry the consented scopes in `scp`.
 */
import { SignJWT, type JWTPayload } from 'jose';

import { newGuid } from '../ids.ts';
import type { EmulatorApi, EmulatorClient } from '../state/appPrincipal.ts';
import type { GraphUser } from '../../model/graphIncident.ts';
import { ACCESS_TOKEN_LIFETIME_SECONDS, tenantIssuer } from './accessTokens.ts';
import { TOKEN_SIGNING_ALGORITHM, type SigningKey } from './signingKey.ts';

/** The v1 issuer: Entra ID writes this host whatever endpoint handed the token out. */
export function tenantIssuerV1(tenantId: string): string {
  return `https://sts.windows.net/${tenantId}/`;
}

export interface ApiTokenRequest {
  api: EmulatorApi;
  client: EmulatorClient;
  /** Present for a delegated token: the signed-in user and the scopes consented to. */
  delegated?: { user: GraphUser; scopes: string[] };
}

export async function issueApiAccessToken(
  request: ApiTokenRequest,
  key: SigningKey,
  baseUrl: string,
  now: Date,
): Promise<string> {
  const { api, client, delegated } = request;
  const issuedAt = Math.floor(now.getTime() / 1000);
  const v1 = api.accessTokenVersion === 1;
  const roles = api.appRoleAssignments[client.clientId.toLowerCase()] ?? [];
  const subject = delegated ? delegated.user.id : client.objectId;

  const claims: JWTPayload = {
    tid: api.tenantId,
    oid: subject,
    ver: v1 ? '1.0' : '2.0',
    uti: newGuid(),
    ...(v1 ? { appid: client.clientId, appidacr: '1' } : { azp: client.clientId, azpacr: '1' }),
    ...(delegated
      ? { scp: delegated.scopes.join(' '), upn: delegated.user.userPrincipalName }
      : { idtyp: 'app', ...(roles.length > 0 ? { roles } : {}) }),
  };

  return new SignJWT(claims)
    .setProtectedHeader({ alg: TOKEN_SIGNING_ALGORITHM, typ: 'JWT', kid: key.kid })
    .setIssuer(v1 ? tenantIssuerV1(api.tenantId) : tenantIssuer(baseUrl, api.tenantId))
    .setAudience(v1 ? api.identifierUri : api.appId)
    .setSubject(subject)
    .setIssuedAt(issuedAt)
    .setNotBefore(issuedAt)
    .setExpirationTime(issuedAt + ACCESS_TOKEN_LIFETIME_SECONDS)
    .sign(key.privateKey);
}

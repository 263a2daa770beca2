/**
 * App-only access tokens as Entra ID issues them for the client-credentials flow: RS256
 * JWTs valid for one hour, carrying tenant (`tid`), app (`appid`, `azp`), service principal
 * (`oid`, `sub`) and `idtyp: app`. Verification checks signature, issuer, lifetime and
 * hands back the claims; each API then checks the audience it accepts.
 */
import { errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';

import { newGuid } from '../ids.ts';
import type { AppPrincipal, EmulatorClient } from '../state/appPrincipal.ts';
import { TOKEN_SIGNING_ALGORITHM, type SigningKey } from './signingKey.ts';

export const ACCESS_TOKEN_LIFETIME_SECONDS = 3600;

/** How the app proved itself: `1` client secret, `2` certificate (the `appidacr` claim). */
export type ClientAuthenticationMethod = 'secret' | 'certificate';

export interface TokenRequest {
  client: EmulatorClient;
  audience: string;
  method: ClientAuthenticationMethod;
}

export interface AccessTokenClaims extends JWTPayload {
  tid: string;
  appid: string;
  azp: string;
  oid: string;
  idtyp: 'app';
  app_displayname: string;
}

export type TokenVerification =
  | { ok: true; claims: AccessTokenClaims; principal: AppPrincipal }
  | { ok: false; reason: 'expired' | 'invalid' };

/** The issuer string of a tenant, also announced by its OpenID configuration. */
export function tenantIssuer(baseUrl: string, tenantId: string): string {
  return `${baseUrl}/${tenantId}/v2.0`;
}

export async function issueAccessToken(
  request: TokenRequest,
  key: SigningKey,
  baseUrl: string,
  now: Date,
): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const { client } = request;
  const authenticationClass = request.method === 'secret' ? '1' : '2';

  return new SignJWT({
    tid: client.tenantId,
    appid: client.clientId,
    azp: client.clientId,
    appidacr: authenticationClass,
    azpacr: authenticationClass,
    oid: client.objectId,
    idtyp: 'app',
    app_displayname: client.displayName,
    ver: '2.0',
    uti: newGuid(),
  })
    .setProtectedHeader({ alg: TOKEN_SIGNING_ALGORITHM, typ: 'JWT', kid: key.kid })
    .setIssuer(tenantIssuer(baseUrl, client.tenantId))
    .setAudience(request.audience)
    .setSubject(client.objectId)
    .setIssuedAt(issuedAt)
    .setNotBefore(issuedAt)
    .setExpirationTime(issuedAt + ACCESS_TOKEN_LIFETIME_SECONDS)
    .sign(key.privateKey);
}

export async function verifyAccessToken(
  token: string,
  key: SigningKey,
  baseUrl: string,
  now: Date,
): Promise<TokenVerification> {
  try {
    const { payload } = await jwtVerify(token, key.publicKey, {
      algorithms: [TOKEN_SIGNING_ALGORITHM],
      currentDate: now,
    });
    if (!isAppTokenClaims(payload) || payload.iss !== tenantIssuer(baseUrl, payload.tid)) {
      return { ok: false, reason: 'invalid' };
    }

    const principal: AppPrincipal = {
      tenantId: payload.tid,
      clientId: payload.appid,
      objectId: payload.oid,
      displayName: payload.app_displayname,
    };
    return { ok: true, claims: payload, principal };
  } catch (error) {
    return { ok: false, reason: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
  }
}

function isAppTokenClaims(payload: JWTPayload): payload is AccessTokenClaims {
  return ['tid', 'appid', 'oid', 'app_displayname'].every(
    (claim) => typeof payload[claim] === 'string',
  );
}

/**
 * Checks an Entra ID access token the way the identity platform documents it: the signature
 * against the tenant's published keys (RS256 only), the issuer of the token's version (v1
 * `sts.windows.net`, v2 `login.microsoftonline.com/.../v2.0`) for an allowed tenant, an
 * audience of ours, `exp` and `nbf` with a small skew. App-only tokens carry app roles in
 * `roles`; delegated tokens carry scopes in `scp`; either becomes the caller's roles.
 * https://learn.microsoft.com/entra/identity-platform/access-tokens
 */
import { decodeJwt, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { InboundAuthConfig } from '../config/config.ts';
import { isApiRole, type ApiRole } from './apiRoles.ts';
import type { Caller } from './caller.ts';
import { InboundAuthError } from './inboundAuthError.ts';

export interface KeySetSource {
  forTenant(tenantId: string): Promise<JWTVerifyGetKey>;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class EntraTokenVerifier {
  private readonly tenants: ReadonlySet<string>;

  constructor(
    private readonly config: InboundAuthConfig,
    private readonly keySets: KeySetSource,
  ) {
    this.tenants = new Set(config.tenants.map((tenant) => tenant.toLowerCase()));
  }

  get configured(): boolean {
    return this.tenants.size > 0;
  }

  async verify(token: string): Promise<Caller> {
    const tenantId = this.allowedTenantOf(token);
    const keys = await this.keysOf(tenantId);

    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        algorithms: ['RS256'],
        issuer: [this.issuer('v1', tenantId), this.issuer('v2', tenantId)],
        audience: [...this.config.audiences],
        clockTolerance: this.config.clockSkewSeconds,
        requiredClaims: ['exp', 'tid', 'oid'],
      }));
    } catch (error) {
      throw refusal(error);
    }

    if (String(payload['tid']).toLowerCase() !== tenantId) {
      throw invalid('the token names two different tenants');
    }
    const version = payload.iss === this.issuer('v1', tenantId) ? '1.0' : '2.0';
    if (payload['ver'] !== undefined && payload['ver'] !== version) {
      throw invalid(
        `a version ${String(payload['ver'])} token has the issuer of version ${version}`,
      );
    }
    return callerOf(payload, tenantId);
  }

  /** The tenant is read before any signature check so that no other tenant's keys are fetched. */
  private allowedTenantOf(token: string): string {
    let claims: JWTPayload;
    try {
      claims = decodeJwt(token);
    } catch {
      throw invalid('it is not a JWT');
    }

    const tid = claims['tid'];
    if (typeof tid !== 'string' || !GUID.test(tid)) throw invalid('the token names no tenant');
    if (!this.tenants.has(tid.toLowerCase())) {
      throw invalid(`tokens of tenant ${tid} are not accepted`);
    }
    return tid.toLowerCase();
  }

  private async keysOf(tenantId: string): Promise<JWTVerifyGetKey> {
    try {
      return await this.keySets.forTenant(tenantId);
    } catch {
      throw new InboundAuthError(
        'token_keys_unavailable',
        "The tenant's token signing keys could not be fetched; retry later.",
      );
    }
  }

  private issuer(version: 'v1' | 'v2', tenantId: string): string {
    return this.config.issuers[version].replaceAll('{tenantId}', tenantId);
  }
}

function callerOf(payload: JWTPayload, tenantId: string): Caller {
  const scopes = typeof payload['scp'] === 'string' ? payload['scp'].split(' ') : undefined;
  const appRoles = Array.isArray(payload['roles']) ? payload['roles'] : [];
  // A delegated token acts for a user: the scopes the user consented to bound it, not any
  // app role the user may also hold.
  const granted = (scopes ?? appRoles).filter(
    (value): value is ApiRole => typeof value === 'string' && isApiRole(value),
  );

  return {
    kind: scopes ? 'user' : 'app',
    tenantId,
    objectId: String(payload['oid']),
    appId: String(payload['appid'] ?? payload['azp'] ?? ''),
    roles: new Set(granted),
  };
}

function invalid(detail: string): InboundAuthError {
  return new InboundAuthError('credentials_invalid', `The bearer token is refused: ${detail}.`);
}

/** jose's verdicts, told in words a caller can act on. */
function refusal(error: unknown): InboundAuthError {
  if (error instanceof errors.JWTExpired) return invalid('it has expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    switch (error.claim) {
      case 'nbf':
        return invalid('it is not valid yet');
      case 'iss':
        return invalid('its issuer is not accepted');
      case 'aud':
        return invalid('its audience is not this API');
      default:
        return invalid(`its ${error.claim} claim is missing or wrong`);
    }
  }
  if (error instanceof errors.JOSEAlgNotAllowed)
    return invalid('only RS256 signatures are accepted');
  if (error instanceof errors.JWKSNoMatchingKey) return invalid('it is signed with an unknown key');
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return invalid('its signature does not verify');
  }
  if (keysUnavailable(error)) {
    return new InboundAuthError(
      'token_keys_unavailable',
      "The tenant's token signing keys could not be fetched; retry later.",
    );
  }
  return invalid('it is malformed');
}

/** A failed key fetch: a timeout, a non-200 answer (a bare JOSEError) or no answer at all. */
function keysUnavailable(error: unknown): boolean {
  if (!(error instanceof errors.JOSEError)) return true;
  return error instanceof errors.JWKSTimeout || error.code === 'ERR_JOSE_GENERIC';
}

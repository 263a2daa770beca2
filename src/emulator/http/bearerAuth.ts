/**
 * Bearer-token check in front of the ARM and Graph routes: the token must be one this
 * emulator issued, unexpired, for the route's resource. The verified caller is left in
 * `res.locals` for the handlers; each API answers failures in its own error format.
 */
import type { Request, RequestHandler, Response } from 'express';

import type { EmulatorContext } from '../emulatorContext.ts';
import { verifyAccessToken } from '../identity/accessTokens.ts';
import { resourceOfAudience, type TokenResource } from '../identity/resources.ts';
import type { AppPrincipal } from '../state/appPrincipal.ts';
import { notesOf } from './recordRequests.ts';

export type BearerFailure = 'missing' | 'malformed' | 'expired' | 'invalid' | 'wrongAudience';

export interface BearerAuthOptions {
  resource: TokenResource;
  reject: (req: Request, res: Response, failure: BearerFailure) => void;
}

export function requireBearer(
  context: EmulatorContext,
  options: BearerAuthOptions,
): RequestHandler {
  return async (req, res, next) => {
    const header = req.get('authorization');
    if (!header) return options.reject(req, res, 'missing');

    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) return options.reject(req, res, 'malformed');

    const verification = await verifyAccessToken(
      match[1],
      context.signingKey,
      context.baseUrl,
      context.clock(),
    );
    if (!verification.ok) return options.reject(req, res, verification.reason);

    const audiences = [verification.claims.aud ?? []].flat();
    if (!audiences.some((audience) => resourceOfAudience(audience) === options.resource)) {
      return options.reject(req, res, 'wrongAudience');
    }

    res.locals['principal'] = verification.principal;
    notesOf(res).clientId = verification.principal.clientId;
    next();
  };
}

/** The caller of a request that passed `requireBearer`. */
export function principalOf(res: Response): AppPrincipal {
  const principal: unknown = res.locals['principal'];
  if (!principal) throw new Error('principalOf used on a route without requireBearer');
  return principal as AppPrincipal;
}

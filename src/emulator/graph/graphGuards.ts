/**
 * What Graph checks before a security or directory handler runs: a bearer token for the
 * Graph audience. The caller's tenant (the token's `tid`) is the only tenant it sees.
 */
import type { RequestHandler, Response } from 'express';

import type { EmulatorContext } from '../emulatorContext.ts';
import { principalOf, requireBearer, type BearerFailure } from '../http/bearerAuth.ts';
import type { DefenderTenant } from '../state/defenderTenant.ts';
import { sendGraphError } from './graphErrors.ts';

const BEARER_FAILURES: Record<BearerFailure, string> = {
  missing: 'Access token is empty.',
  malformed: 'IDX14100: JWT is not well formed.',
  expired: 'Lifetime validation failed, the token is expired.',
  invalid: 'Access token validation failure.',
  wrongAudience: 'Access token validation failure. Invalid audience.',
};

export function graphBearer(context: EmulatorContext): RequestHandler[] {
  const bearer = requireBearer(context, {
    resource: 'graph',
    reject: (req, res, failure) => {
      res.setHeader(
        'WWW-Authenticate',
        `Bearer realm="", authorization_uri="${context.baseUrl}/common/oauth2/authorize", ` +
          'client_id="00000003-0000-0000-c000-000000000000"',
      );
      sendGraphError(req, res, 401, 'InvalidAuthenticationToken', BEARER_FAILURES[failure]);
    },
  });

  const callerTenant: RequestHandler = (req, res, next) => {
    const tenant = context.state.tenant(principalOf(res).tenantId);
    if (!tenant) {
      return sendGraphError(req, res, 401, 'InvalidAuthenticationToken', 'Unknown tenant.');
    }
    res.locals['tenant'] = tenant;
    next();
  };

  return [bearer, callerTenant];
}

export function tenantOf(res: Response): DefenderTenant {
  const tenant: unknown = res.locals['tenant'];
  if (!tenant) throw new Error('tenantOf used on a route without graphBearer');
  return tenant as DefenderTenant;
}

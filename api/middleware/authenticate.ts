/**
 * Runs before an operation's validation: checks the caller's credential, counts the request
 * against the caller's budget and requires one of the roles the route names. The caller is
 * left in `res.locals.caller` for the request log and the handlers.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Caller } from '../../src/auth/caller.ts';
import { callerKey } from '../../src/auth/caller.ts';
import type { InboundAuth } from '../../src/auth/inboundAuth.ts';
import { InboundAuthError } from '../../src/auth/inboundAuthError.ts';
import { ProblemError } from '../problems/problemError.ts';
import type { RouteAuth } from '../routeAuth.ts';
import type { CallerRateLimits } from './callerRateLimits.ts';

export function authenticate(
  inboundAuth: InboundAuth,
  rateLimits: CallerRateLimits,
  auth: RouteAuth,
): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (auth.open) return next();

    const caller = await callerOf(req, res, inboundAuth, rateLimits);
    res.locals['caller'] = caller;
    await rateLimits.takeRequest(callerKey(caller), res);

    if (!auth.anyRole.some((role) => caller.roles.has(role))) {
      throw new ProblemError(
        'role_missing',
        `This operation needs the role ${auth.anyRole.join(' or ')}; the caller has ` +
          `${caller.roles.size > 0 ? [...caller.roles].join(', ') : 'none of ours'}.`,
        [
          {
            field: 'roles',
            message: 'the caller holds none of the roles this operation accepts',
            acceptedValues: [...auth.anyRole],
          },
        ],
      );
    }
    next();
  };
}

async function callerOf(
  req: Request,
  res: Response,
  inboundAuth: InboundAuth,
  rateLimits: CallerRateLimits,
): Promise<Caller> {
  try {
    return await inboundAuth.authenticate({
      authorization: req.get('authorization'),
      apiKey: req.get('x-api-key'),
    });
  } catch (error) {
    if (!(error instanceof InboundAuthError)) throw error;
    if (error.code === 'credentials_invalid') {
      const throttled = await rateLimits.refusedCredential(req.ip ?? 'unknown', res);
      if (throttled) throw throttled;
    }
    throw new ProblemError(error.code, error.detail);
  }
}

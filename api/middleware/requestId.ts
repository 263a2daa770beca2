/**
 * Gives every request an id, echoed in `X-Request-Id` and in problem bodies, so a caller's
 * report can be matched to the log line. A caller-supplied id is kept only if it is short and
 * plain, so it cannot inject anything into logs.
 */
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export function requestId(req: Request, res: Response, next: NextFunction): void {
  const offered = req.get('x-request-id') ?? req.get('x-ms-client-tracking-id');
  const id = offered && SAFE_REQUEST_ID.test(offered) ? offered : randomUUID();
  res.locals['requestId'] = id;
  res.set('X-Request-Id', id);
  next();
}

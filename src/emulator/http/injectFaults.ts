/**
 * Applies the first fault rule that hits a request, before any handler runs (the real
 * services throttle and fail in front of their logic too). `lostResponse` is the exception:
 * the handler runs and its write takes effect, then the connection is destroyed instead of
 * the answer being sent.
 */
import type { Request, RequestHandler, Response } from 'express';

import { sendArmEtagConflict } from '../arm/armErrors.ts';
import type { EmulatorContext } from '../emulatorContext.ts';
import type { FaultAction } from '../faults.ts';
import { defaultErrorCode, sendApiError } from './apiErrors.ts';
import type { RequestApi } from './apiOfRequest.ts';
import { notesOf } from './recordRequests.ts';

export function injectFaults(context: EmulatorContext): RequestHandler {
  return (req, res, next) => {
    const notes = notesOf(res);
    if (notes.api === 'control') return next();

    const path = req.originalUrl.split('?')[0] ?? '/';
    const rule = context.faults.take({ api: notes.api, method: req.method, path });
    if (!rule) return next();

    notes.fault = { ruleId: rule.id, kind: rule.action.kind };
    applyFault(rule.action, notes.api, { req, res, next, context, path });
  };
}

interface FaultTarget {
  req: Request;
  res: Response;
  next: () => void;
  context: EmulatorContext;
  path: string;
}

function applyFault(action: FaultAction, api: RequestApi, target: FaultTarget): void {
  const { req, res, next, context } = target;

  switch (action.kind) {
    case 'throttle':
      return sendThrottled(action, api, target);
    case 'status': {
      const code = action.code ?? defaultErrorCode(action.status);
      const message = action.message ?? `Injected failure (${action.status} ${code})`;
      return sendApiError(api, req, res, { status: action.status, code, message }, context);
    }
    case 'delay': {
      const timer = setTimeout(next, action.delayMs);
      res.once('close', () => clearTimeout(timer));
      return;
    }
    case 'hang':
      return;
    case 'conflict':
      return sendConflict(api, target);
    case 'lostResponse':
      loseResponse(req, res);
      return next();
  }
}

function sendThrottled(
  action: Extract<FaultAction, { kind: 'throttle' }>,
  api: RequestApi,
  { req, res, context }: FaultTarget,
): void {
  const seconds = Math.ceil(action.retryAfterSeconds);
  if (action.sendRetryAfterHeader ?? true) res.setHeader('Retry-After', String(seconds));

  const message =
    'Rate limit is exceeded. Try again later; ' + `the limit will reset in ${clockText(seconds)}`;
  sendApiError(api, req, res, { status: 429, code: 'TooManyRequests', message }, context);
}

function sendConflict(api: RequestApi, { req, res, context, path }: FaultTarget): void {
  if (api === 'arm')
    return sendArmEtagConflict(res, decodeURIComponent(path.split('/').at(-1) ?? ''));
  sendApiError(
    api,
    req,
    res,
    { status: 409, code: 'Conflict', message: 'Injected conflict' },
    context,
  );
}

/** Swallows whatever the handler answers and cuts the connection instead. */
function loseResponse(req: Request, res: Response): void {
  res.end = (() => {
    req.socket.destroy();
    return res;
  }) as Response['end'];
}

/** `hh:mm:ss`, the form Defender's quota messages use. */
function clockText(totalSeconds: number): string {
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  return [hours, minutes, seconds].map((part) => String(part).padStart(2, '0')).join(':');
}

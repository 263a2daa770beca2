/**
 * Error answers of Microsoft Graph: `{"error":{"code","message","innerError":{...}}}`, the
 * inner part carrying the date and the request ids Graph support asks for.
 */
import type { Request, Response } from 'express';

import { newGuid } from '../ids.ts';

export function sendGraphError(
  req: Request,
  res: Response,
  status: number,
  code: string,
  message: string,
): void {
  const requestId = String(res.getHeader('request-id') ?? newGuid());
  res.status(status).json({
    error: {
      code,
      message,
      innerError: {
        date: new Date().toISOString().replace(/\.\d+Z$/, ''),
        'request-id': requestId,
        'client-request-id': req.get('client-request-id') ?? requestId,
      },
    },
  });
}

export function sendGraphBadRequest(req: Request, res: Response, message: string): void {
  sendGraphError(req, res, 400, 'BadRequest', message);
}

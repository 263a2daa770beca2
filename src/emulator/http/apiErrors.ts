/**
 * One entry point for "answer this request with an error in the called API's own format",
 * used where the API is only known at run time (fault injection, the last-resort handler).
 */
import type { Request, Response } from 'express';

import { sendArmError } from '../arm/armErrors.ts';
import type { EmulatorContext } from '../emulatorContext.ts';
import { sendGraphError } from '../graph/graphErrors.ts';
import { sendAadError } from '../identity/aadErrors.ts';
import type { RequestApi } from './apiOfRequest.ts';

export interface ApiErrorAnswer {
  status: number;
  code: string;
  message: string;
}

/** Entra ID has no AADSTS number for an injected failure; this one means "try again". */
const GENERIC_AADSTS = 90033;

export function sendApiError(
  api: RequestApi,
  req: Request,
  res: Response,
  answer: ApiErrorAnswer,
  context: EmulatorContext,
): void {
  switch (api) {
    case 'arm':
      return sendArmError(res, answer.status, answer.code, answer.message);
    case 'graph':
      return sendGraphError(req, res, answer.status, answer.code, answer.message);
    case 'identity': {
      const error = answer.status === 429 ? 'temporarily_unavailable' : 'server_error';
      const failure = { ...answer, error, aadsts: GENERIC_AADSTS, description: answer.message };
      return sendAadError(res, failure, context);
    }
    case 'control':
      res.status(answer.status).json({ error: { code: answer.code, message: answer.message } });
  }
}

/** The error code each API uses for a bare status. */
export function defaultErrorCode(status: number): string {
  const codes: Record<number, string> = {
    400: 'BadRequest',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'NotFound',
    409: 'Conflict',
    429: 'TooManyRequests',
    500: 'InternalServerError',
    502: 'BadGateway',
    503: 'ServiceUnavailable',
    504: 'GatewayTimeout',
  };
  return codes[status] ?? (status >= 500 ? 'InternalServerError' : 'BadRequest');
}

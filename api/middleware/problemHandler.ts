/**
 * The last middleware: every error becomes an `application/problem+json` answer with a stable
 * code. Unexpected errors answer 500 with no internal detail; the log line keeps the detail.
 */
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../../src/logging/logger.ts';
import { RemoteCallError } from '../../src/clients/remoteCallError.ts';
import { EnrichmentError } from '../../src/enrich/enrichmentError.ts';
import { SyncError } from '../../src/sync/syncErrors.ts';
import { ProblemError } from '../problems/problemError.ts';
import { sendProblem } from './sendProblem.ts';

export function problemHandler(logger: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const problem = toProblem(error);
    const requestId = String(res.locals['requestId'] ?? '');

    if (res.headersSent) {
      // The request timed out and its answer has gone; this is the handler finishing late.
      logger.warn({ requestId, err: describeForLog(error) }, 'answer after the timeout dropped');
      return;
    }
    if (problem.status >= 500) {
      logger.error({ requestId, err: describeForLog(error), code: problem.code }, 'request failed');
    }
    if (
      problem.code === 'upstream_throttled' &&
      error instanceof RemoteCallError &&
      error.retryAfterMs
    ) {
      res.set('Retry-After', String(Math.ceil(error.retryAfterMs / 1000)));
    }
    sendProblem(req, res, problem);
  };
}

export function toProblem(error: unknown): ProblemError {
  if (error instanceof ProblemError) return error;
  if (error instanceof SyncError || error instanceof EnrichmentError) return fromSyncError(error);
  if (error instanceof RemoteCallError) {
    return error.status === 429
      ? new ProblemError('upstream_throttled', `${error.api} is throttling; retry later.`)
      : new ProblemError('upstream_failed', `The ${error.api} call "${error.operation}" failed.`);
  }
  const bodyParser = bodyParserProblem(error);
  if (bodyParser) return bodyParser;
  return new ProblemError(
    'internal_error',
    'An unexpected error occurred; the request id identifies it in the logs.',
  );
}

function fromSyncError(error: SyncError | EnrichmentError): ProblemError {
  const detail = Object.entries(error.detail)
    .map(([key, value]) => `${key}: ${value}`)
    .join('; ');
  return new ProblemError(
    error.code,
    detail ? `${error.message} (${detail}).` : `${error.message}.`,
  );
}

/** express.json() reports a bad body with `type` and `status`; these are the caller's fault. */
function bodyParserProblem(error: unknown): ProblemError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { type, status } = error as { type?: string; status?: number };
  if (type === 'entity.parse.failed')
    return new ProblemError('malformed_json', 'The body is not valid JSON.');
  if (type === 'entity.too.large')
    return new ProblemError('body_too_large', 'The body exceeds the size limit.');
  if (type === 'charset.unsupported' || type === 'encoding.unsupported') {
    return new ProblemError('unsupported_media_type', 'Send the body as UTF-8 application/json.');
  }
  if (status === 400 && type)
    return new ProblemError('malformed_json', 'The body could not be read.');
  return undefined;
}

/** Only the name, code and message: never a raw request, response or header. */
function describeForLog(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const code = (error as { code?: unknown }).code;
  return {
    name: error.name,
    message: error.message,
    ...(code ? { code } : {}),
    stack: error.stack,
  };
}

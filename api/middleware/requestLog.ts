/**
 * One log line per request, written when the answer is sent: request id, operation, status,
 * duration, the caller (object and app id, or API key id; never the credential) and the
 * problem code of an error answer. The path is logged without its query string, which can
 * carry ids and tokens, and cut short: a fuzzed path can be megabytes long.
 */
import type { NextFunction, Request, Response } from 'express';
import { callerForLog, type Caller } from '../../src/auth/caller.ts';
import type { Logger } from '../../src/logging/logger.ts';

const MAX_LOGGED_PATH = 256;

export function requestLog(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      const caller = res.locals['caller'] as Caller | undefined;
      const line = {
        requestId: res.locals['requestId'],
        operation: res.locals['operationId'] ?? 'unknown',
        method: req.method,
        path: req.path.slice(0, MAX_LOGGED_PATH),
        status: res.statusCode,
        durationMs: Math.round(durationMs * 10) / 10,
        caller: caller ? callerForLog(caller) : { kind: 'anonymous' },
        ...(res.locals['problemCode'] ? { problem: res.locals['problemCode'] } : {}),
      };
      if (res.statusCode >= 500) logger.error(line, 'request');
      else logger.info(line, 'request');
    });
    next();
  };
}

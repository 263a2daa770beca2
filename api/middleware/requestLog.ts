/**
 * One log line per request, written when the answer is sent: request id, operation, status and
 * duration. The path is logged without its query string, which can carry ids and tokens.
 */
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../../src/logging/logger.ts';

export function requestLog(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      const line = {
        requestId: res.locals['requestId'],
        operation: res.locals['operationId'] ?? 'unknown',
        method: req.method,
        path: req.path,
        status: res.statusCode,
        durationMs: Math.round(durationMs * 10) / 10,
      };
      if (res.statusCode >= 500) logger.error(line, 'request');
      else logger.info(line, 'request');
    });
    next();
  };
}

/**
 * Answers 504 when a request is not answered in time, so a caller (Logic Apps gives up after
 * 120 s) gets a problem rather than a dropped connection. The work may still finish; every
 * write is idempotent, so the caller can retry. A late answer from the handler is dropped by
 * the error middleware.
 */
import type { NextFunction, Request, Response } from 'express';
import { ProblemError } from '../problems/problemError.ts';
import { sendProblem } from './sendProblem.ts';

export function requestTimeout(timeoutMs: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      const seconds = Math.round(timeoutMs / 100) / 10;
      sendProblem(
        req,
        res,
        new ProblemError(
          'request_timeout',
          `No answer within ${seconds} s. The work may still complete; retrying is safe.`,
        ),
      );
    }, timeoutMs);
    timer.unref();

    res.on('finish', () => clearTimeout(timer));
    res.on('close', () => clearTimeout(timer));
    next();
  };
}

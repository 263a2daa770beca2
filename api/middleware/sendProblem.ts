/**
 * Writes a problem as `application/problem+json`: the one way every error answer leaves the
 * API, from the error middleware and from the request timeout alike.
 */
import type { Request, Response } from 'express';
import type { ProblemError } from '../problems/problemError.ts';

export function sendProblem(req: Request, res: Response, problem: ProblemError): void {
  const requestId = String(res.locals['requestId'] ?? '');
  res.locals['problemCode'] = problem.code;
  if (problem.status === 401) {
    res.set('WWW-Authenticate', 'Bearer realm="incident-bridge", error="invalid_token"');
  }
  res
    .status(problem.status)
    .type('application/problem+json')
    .send(problem.toBody(req.path, requestId));
}

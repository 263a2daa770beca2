/**
 * Checks a request against its operation in the contract before the handler runs. A body
 * whose schema is a choice of shapes (anyOf) is checked again against the shape it most looks
 * like, so the problem lists that shape's errors instead of every branch's.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { ContractValidator } from '../validation/contractValidator.ts';
import { describeErrors } from '../validation/describeErrors.ts';
import { ProblemError } from '../problems/problemError.ts';

export type BodyShapeChooser = (body: unknown) => string | undefined;

export function validateRequest(
  contract: ContractValidator,
  operationId: string,
  chooseBodyShape?: BodyShapeChooser,
): RequestHandler {
  const validators = contract.for(operationId);

  return (req: Request, res: Response, next: NextFunction) => {
    if (validators.query) {
      const query = { ...(req.query as Record<string, unknown>) };
      if (!validators.query(query)) {
        throw invalid(describeErrors(validators.query.errors ?? [], 'query'));
      }
      // Express 5 keeps req.query read-only; the checked, typed copy travels in locals.
      res.locals['query'] = query;
    }

    if (validators.path && !validators.path({ ...req.params })) {
      throw invalid(describeErrors(validators.path.errors ?? [], 'path'));
    }

    if (validators.headers) {
      const headers = Object.fromEntries(
        validators.headerNames.flatMap((name) =>
          req.get(name) === undefined ? [] : [[name, req.get(name)]],
        ),
      );
      if (!validators.headers(headers)) {
        throw invalid(describeErrors(validators.headers.errors ?? [], 'header'));
      }
      res.locals['headers'] = headers;
    }

    if (validators.body) {
      if (!req.is('application/json') || req.body === undefined) {
        throw new ProblemError('unsupported_media_type', 'Send the body as application/json.');
      }
      if (!(((req as { bodyBytes?: number }).bodyBytes ?? 0) > 0)) {
        throw invalid([
          { field: 'body', message: 'is required: send one JSON object', acceptedValues: [] },
        ]);
      }
      if (!validators.body(req.body)) {
        const shape = chooseBodyShape?.(req.body);
        const errors = shape
          ? contract.validateComponent(shape, req.body)
          : (validators.body.errors ?? []);
        throw invalid(
          describeErrors(errors.length > 0 ? errors : (validators.body.errors ?? []), 'body'),
        );
      }
    }
    next();
  };
}

function invalid(errors: ReturnType<typeof describeErrors>): ProblemError {
  const fields = errors.map((error) => error.field).join(', ');
  return new ProblemError(
    'request_invalid',
    `The request does not match the contract: ${fields}.`,
    errors,
  );
}

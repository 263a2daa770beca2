/**
 * The Express application: request ids, security headers, the request log and timeout, then
 * one route per contract operation (authentication and the caller's budget, body parsing,
 * validation, handler), and problem+json for every error.
 */
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { AppServices } from './appServices.ts';
import { authenticate } from './middleware/authenticate.ts';
import { CallerRateLimits } from './middleware/callerRateLimits.ts';
import { problemHandler } from './middleware/problemHandler.ts';
import { requestId } from './middleware/requestId.ts';
import { requestLog } from './middleware/requestLog.ts';
import { requestTimeout } from './middleware/requestTimeout.ts';
import { validateRequest } from './middleware/validateRequest.ts';
import { ProblemError } from './problems/problemError.ts';
import { routes } from './routes.ts';
import { ContractValidator } from './validation/contractValidator.ts';

export interface CreateAppOptions {
  contract?: ContractValidator;
}

export function createApp(services: AppServices, options: CreateAppOptions = {}): Express {
  const contract = options.contract ?? new ContractValidator();
  const rateLimits = new CallerRateLimits(services.limits);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  app.use(requestId);
  app.use(helmet());
  app.use(requestLog(services.logger));
  app.use(requestTimeout(services.limits.requestTimeoutMs));

  // Bodies are read only after the caller is known, and only as application/json.
  const jsonBody = express.json({
    limit: services.limits.bodyLimitBytes,
    type: 'application/json',
    strict: true,
    // The parser reads an empty body as {}; remember its size so a required body is enforced.
    verify: (req, _res, buffer) => {
      (req as { bodyBytes?: number }).bodyBytes = buffer.length;
    },
  });

  const basePath = contract.document.basePath;
  const knownPaths = new Map<string, string[]>();
  for (const route of routes) {
    const { operation } = contract.for(route.operationId);
    const path = `${basePath}${operation.path.replace(/\{([^}]+)\}/g, ':$1')}`;
    knownPaths.set(path, [...(knownPaths.get(path) ?? []), operation.method.toUpperCase()]);

    app[operation.method](
      path,
      (_req: Request, res: Response, next: NextFunction) => {
        res.locals['operationId'] = route.operationId;
        next();
      },
      authenticate(services.auth, rateLimits, route.auth),
      ...(operation.requestBodySchema ? [jsonBody] : []),
      validateRequest(contract, route.operationId, route.bodyShape),
      async (req: Request, res: Response) => {
        await route.handler(req, res, services);
      },
    );
  }

  app.use((req: Request) => {
    const allowed = knownPaths.get(req.path);
    if (allowed) {
      throw new ProblemError(
        'method_not_allowed',
        `${req.method} is not allowed here; use ${allowed.join(', ')}.`,
      );
    }
    throw new ProblemError(
      'route_not_found',
      `No operation at ${req.method} ${req.path.slice(0, 200)}.`,
    );
  });
  app.use(problemHandler(services.logger));
  return app;
}

/**
 * The Express application: request ids, body parsing, one route per contract operation with
 * its validator, and problem+json for every error.
 */
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { AppServices } from './appServices.ts';
import { problemHandler } from './middleware/problemHandler.ts';
import { requestId } from './middleware/requestId.ts';
import { requestLog } from './middleware/requestLog.ts';
import { validateRequest } from './middleware/validateRequest.ts';
import { ProblemError } from './problems/problemError.ts';
import { routes } from './routes.ts';
import { ContractValidator } from './validation/contractValidator.ts';

export interface CreateAppOptions {
  contract?: ContractValidator;
  /** Largest JSON body accepted; a Defender incident with hundreds of alerts fits in 5 MB. */
  bodyLimit?: string;
}

export function createApp(services: AppServices, options: CreateAppOptions = {}): Express {
  const contract = options.contract ?? new ContractValidator();
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  app.use(requestId);
  app.use(requestLog(services.logger));
  app.use(
    express.json({
      limit: options.bodyLimit ?? '5mb',
      type: ['application/json', 'application/*+json'],
    }),
  );

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
    throw new ProblemError('route_not_found', `No operation at ${req.method} ${req.path}.`);
  });
  app.use(problemHandler(services.logger));
  return app;
}

/**
 * The Express application behind the emulator: request recording and fault injection in
 * front, then the control API, ARM (Logic Apps and Sentinel), Graph and Entra ID routes,
 * then the answers for unknown paths and unexpected errors in the called API's own format.
 */
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';

import { armRouter } from '../arm/armRouter.ts';
import { controlRouter } from '../control/controlRouter.ts';
import type { EmulatorContext } from '../emulatorContext.ts';
import { graphRouter } from '../graph/graphRouter.ts';
import { identityRouter } from '../identity/identityRouter.ts';
import { logicRouter } from '../logic/logicRouter.ts';
import { sendApiError } from './apiErrors.ts';
import { injectFaults } from './injectFaults.ts';
import { notesOf, recordRequests } from './recordRequests.ts';

export interface EmulatorAppOptions {
  /** Print one line per ARM, Graph and Entra ID request to stderr. */
  logRequests: boolean;
}

export function createEmulatorApp(context: EmulatorContext, options: EmulatorAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  app.use(recordRequests(context, options.logRequests));
  app.use(injectFaults(context));
  app.use(controlRouter(context));
  // Before the Sentinel router, whose catch-all answers every other /subscriptions path.
  app.use(logicRouter(context));
  app.use(armRouter(context));
  app.use(graphRouter(context));
  app.use(identityRouter(context));
  app.use(unknownPath(context));
  app.use(unexpectedError(context));
  return app;
}

function unknownPath(context: EmulatorContext): RequestHandler {
  return (req, res) => {
    const message = `The emulator serves nothing at ${req.method} ${req.path}`;
    sendApiError(notesOf(res).api, req, res, { status: 404, code: 'NotFound', message }, context);
  };
}

function unexpectedError(context: EmulatorContext): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const api = notesOf(res).api;
    if (res.headersSent) return;

    if (isBodyParseError(error)) {
      const answer = {
        status: 400,
        code: 'BadRequest',
        message: 'The request body is not valid JSON.',
      };
      return sendApiError(api, req, res, answer, context);
    }

    console.error('[emulator] unexpected error', error);
    const answer = { status: 500, code: 'InternalServerError', message: 'The emulator failed.' };
    sendApiError(api, req, res, answer, context);
  };
}

function isBodyParseError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { type?: unknown }).type === 'entity.parse.failed'
  );
}

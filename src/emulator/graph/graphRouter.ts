/**
 * Route table of the emulated Microsoft Graph v1.0: security incidents, directory users and
 * their Identity Protection risk.
 */
import express, { Router, type RequestHandler } from 'express';

import type { EmulatorContext } from '../emulatorContext.ts';
import { sendGraphBadRequest } from './graphErrors.ts';
import { graphBearer } from './graphGuards.ts';
import { getIncident, patchIncident, postComment } from './incidentHandlers.ts';
import { listIncidents } from './listIncidents.ts';
import { getRiskyUser } from './riskyUserHandlers.ts';
import { getUser, listUsers } from './userHandlers.ts';

export function graphRouter(context: EmulatorContext): Router {
  const router = Router({ caseSensitive: false });
  const guards = [...graphBearer(context), express.json({ limit: '4mb' })];

  router.get('/v1.0/security/incidents', guards, listIncidents(context));
  router.get('/v1.0/security/incidents/:incidentId', guards, getIncident(context));
  router.patch('/v1.0/security/incidents/:incidentId', guards, patchIncident(context));
  router.post('/v1.0/security/incidents/:incidentId/comments', guards, postComment(context));

  router.get('/v1.0/users', guards, listUsers(context));
  router.get('/v1.0/users/:userId', guards, getUser(context));
  router.get('/v1.0/identityProtection/riskyUsers/:userId', guards, getRiskyUser);

  router.use('/v1.0', unknownSegment);
  return router;
}

/** Graph answers a path it has no resource for with 400, not 404. */
const unknownSegment: RequestHandler = (req, res) => {
  const segment = req.path.split('/').filter(Boolean).at(-1) ?? '';
  sendGraphBadRequest(req, res, `Resource not found for the segment '${segment}'.`);
};

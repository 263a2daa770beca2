/**
 * Route table of the control API under `/_emulator`: the sandbox's stand-in for the two
 * portals and the test harness's remote control. It needs no token; never expose it
 * beyond the machine.
 */
import express, { Router } from 'express';

import type { EmulatorContext } from '../emulatorContext.ts';
import { sendControlError } from './controlErrors.ts';
import {
  deleteFault,
  deleteFaults,
  deleteRequests,
  getFaults,
  getRequests,
  postFault,
  postFaultSeed,
} from './faultHandlers.ts';
import { postDelegatedToken } from './identityHandlers.ts';
import {
  getDefenderIncident,
  getSentinelIncident,
  getState,
  patchDefenderIncident,
  patchSentinelIncident,
  postDefenderComment,
  postDefenderIncident,
  postReset,
  postSeed,
  postSentinelComment,
  postSentinelIncident,
} from './stateHandlers.ts';
import { postLogicRun } from './logicRunHandlers.ts';

export function controlRouter(context: EmulatorContext): Router {
  const router = Router();
  router.use('/_emulator', express.json({ limit: '16mb' }));

  router.get('/_emulator/state', getState(context));
  router.post('/_emulator/reset', postReset(context));
  router.post('/_emulator/seed', postSeed(context));

  router.post('/_emulator/defender/:tenantId/incidents', postDefenderIncident(context));
  router.get('/_emulator/defender/:tenantId/incidents/:incidentId', getDefenderIncident(context));
  router.patch(
    '/_emulator/defender/:tenantId/incidents/:incidentId',
    patchDefenderIncident(context),
  );
  router.post(
    '/_emulator/defender/:tenantId/incidents/:incidentId/comments',
    postDefenderComment(context),
  );

  router.post('/_emulator/sentinel/incidents', postSentinelIncident(context));
  router.get('/_emulator/sentinel/incidents/:incidentName', getSentinelIncident(context));
  router.patch('/_emulator/sentinel/incidents/:incidentName', patchSentinelIncident(context));
  router.post('/_emulator/sentinel/incidents/:incidentName/comments', postSentinelComment(context));

  router.post('/_emulator/logic/runs', postLogicRun(context));
  router.post('/_emulator/identity/delegated-tokens', postDelegatedToken(context));

  router.get('/_emulator/requests', getRequests(context));
  router.delete('/_emulator/requests', deleteRequests(context));

  router.get('/_emulator/faults', getFaults(context));
  router.post('/_emulator/faults', postFault(context));
  router.delete('/_emulator/faults', deleteFaults(context));
  router.post('/_emulator/faults/seed', postFaultSeed(context));
  router.delete('/_emulator/faults/:ruleId', deleteFault(context));

  router.use('/_emulator', (req, res) => {
    sendControlError(res, 404, 'notFound', `No control operation ${req.method} ${req.path}`);
  });
  return router;
}

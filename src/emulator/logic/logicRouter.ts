/**
 * Route table of the emulated Logic Apps resource provider (Microsoft.Logic/workflows, their
 * runs and run actions) and of Microsoft.Web/connections, the two the playbook commands use.
 * Paths match ignoring case, as ARM does.
 */
import express, { Router, type RequestHandler } from 'express';

import { sendArmError } from '../arm/armErrors.ts';
import { armBearer, requireApiVersion } from '../arm/armGuards.ts';
import type { EmulatorContext } from '../emulatorContext.ts';
import { getConnection, listConnections, putConnection } from './connectionHandlers.ts';
import { resolveResourceGroup } from './logicGuards.ts';
import { getRun, listRunActions, listRuns } from './runHandlers.ts';
import {
  deleteWorkflow,
  getWorkflow,
  listWorkflows,
  putWorkflow,
  validateWorkflow,
} from './workflowHandlers.ts';

const GROUP = '/subscriptions/:subscriptionId/resourceGroups/:resourceGroupName/providers';
const WORKFLOWS = `${GROUP}/Microsoft.Logic/workflows`;
const WORKFLOW = `${WORKFLOWS}/:workflowName`;
const RUNS = `${WORKFLOW}/runs`;
const RUN = `${RUNS}/:runName`;
const CONNECTIONS = `${GROUP}/Microsoft.Web/connections`;
const CONNECTION = `${CONNECTIONS}/:connectionName`;

export function logicRouter(context: EmulatorContext): Router {
  const router = Router({ caseSensitive: false });
  const guards = [
    armBearer(context),
    requireApiVersion,
    resolveResourceGroup(context),
    express.json({ limit: '4mb' }),
  ];

  router.get(WORKFLOWS, guards, listWorkflows(context));
  router.all(WORKFLOWS, methodNotAllowed);
  router.get(WORKFLOW, guards, getWorkflow(context));
  router.put(WORKFLOW, guards, putWorkflow(context));
  router.delete(WORKFLOW, guards, deleteWorkflow(context));
  router.all(WORKFLOW, methodNotAllowed);
  router.post(`${WORKFLOW}/validate`, guards, validateWorkflow(context));

  router.get(RUNS, guards, listRuns(context));
  router.get(RUN, guards, getRun(context));
  router.get(`${RUN}/actions`, guards, listRunActions(context));

  router.get(CONNECTIONS, guards, listConnections(context));
  router.get(CONNECTION, guards, getConnection(context));
  router.put(CONNECTION, guards, putConnection(context));
  router.all(CONNECTION, methodNotAllowed);
  return router;
}

const methodNotAllowed: RequestHandler = (req, res) => {
  const message = `The requested resource does not support http method '${req.method}'.`;
  sendArmError(res, 405, 'MethodNotAllowed', message);
};

/**
 * Microsoft.Logic/workflows: list a resource group's workflows, get, create or replace,
 * delete, and validate without saving. A save runs the same checks as validate; a new
 * workflow with a system-assigned identity gets a principal id of its own.
 */
import type { RequestHandler } from 'express';

import { sendArmBadRequest, sendArmError } from '../arm/armErrors.ts';
import { armNextLink, pageOf, readPageRequest } from '../arm/armPaging.ts';
import type { EmulatorContext } from '../emulatorContext.ts';
import { newGuid } from '../ids.ts';
import { ODataQueryError } from '../odata/odataQueryError.ts';
import { resourceGroupId, type Json, type StoredWorkflow } from '../state/logicResources.ts';
import { resourceGroupOf } from './logicGuards.ts';
import { workflowView } from './logicViews.ts';
import { checkWorkflow } from './workflowChecks.ts';

export function workflowId(res: Parameters<RequestHandler>[1], name: string): string {
  return `${resourceGroupId(resourceGroupOf(res))}/providers/Microsoft.Logic/workflows/${name}`;
}

export function listWorkflows(context: EmulatorContext): RequestHandler {
  return (req, res) => {
    try {
      const workflows = context.state.logic.workflowsIn(resourceGroupOf(res));
      const page = pageOf(
        workflows.map((workflow) => workflowView(workflow, context.baseUrl)),
        readPageRequest(req, 50),
        (offset) => armNextLink(context.baseUrl, req, offset),
      );
      res.json(page);
    } catch (error) {
      if (error instanceof ODataQueryError) return sendArmBadRequest(res, error.message);
      throw error;
    }
  };
}

export function getWorkflow(context: EmulatorContext): RequestHandler {
  return (req, res) => {
    const name = String(req.params['workflowName']);
    const workflow = context.state.logic.workflow(workflowId(res, name));
    if (!workflow) return sendWorkflowNotFound(res, name);
    res.json(workflowView(workflow, context.baseUrl));
  };
}

export function putWorkflow(context: EmulatorContext): RequestHandler {
  return (req, res) => {
    const body = (req.body ?? {}) as Json;
    const rejection = checkWorkflow(body, context.state.logic);
    if (rejection) return sendArmError(res, rejection.status, rejection.code, rejection.message);

    const name = String(req.params['workflowName']);
    const id = workflowId(res, name);
    const existing = context.state.logic.workflow(id);
    const now = context.clock().toISOString();
    const properties = (body['properties'] ?? {}) as Json;
    const identityType = (body['identity'] as Json | undefined)?.['type'];

    const workflow: StoredWorkflow = {
      id,
      name,
      location: String(body['location']),
      tags: (body['tags'] ?? {}) as Record<string, string>,
      ...(identityType === 'SystemAssigned'
        ? {
            identity: existing?.identity ?? {
              type: 'SystemAssigned',
              principalId: newGuid(),
              tenantId: String(res.locals['tenantId']),
            },
          }
        : {}),
      state: String(properties['state'] ?? 'Enabled'),
      definition: properties['definition'] as Json,
      parameters: (properties['parameters'] ?? {}) as Json,
      createdTime: existing?.createdTime ?? now,
      changedTime: now,
      version: `08584${Date.parse(now)}`,
    };
    const created = context.state.logic.putWorkflow(workflow);
    res.status(created ? 201 : 200).json(workflowView(workflow, context.baseUrl));
  };
}

export function deleteWorkflow(context: EmulatorContext): RequestHandler {
  return (req, res) => {
    const deleted = context.state.logic.deleteWorkflow(
      workflowId(res, String(req.params['workflowName'])),
    );
    res.status(deleted ? 200 : 204).end();
  };
}

/** POST …/validate: 200 with no body when the workflow could be saved. */
export function validateWorkflow(context: EmulatorContext): RequestHandler {
  return (req, res) => {
    const rejection = checkWorkflow((req.body ?? {}) as Json, context.state.logic);
    if (rejection) return sendArmError(res, rejection.status, rejection.code, rejection.message);
    res.status(200).end();
  };
}

export function sendWorkflowNotFound(res: Parameters<RequestHandler>[1], name: string): void {
  sendArmError(
    res,
    404,
    'ResourceNotFound',
    `The Resource 'Microsoft.Logic/workflows/${name}' under resource group ` +
      `'${resourceGroupOf(res).resourceGroupName}' was not found.`,
  );
}

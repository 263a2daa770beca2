/**
 * Workflows, runs, run actions and connections in their ARM wire shape (Logic Apps
 * 2019-05-01, Web 2016-06-01): the resource frame outside, the rest under `properties`.
 */
import type {
  Json,
  RunActionRecord,
  StoredConnection,
  StoredRun,
  StoredWorkflow,
} from '../state/logicResources.ts';

export function workflowView(workflow: StoredWorkflow, baseUrl: string): Json {
  return {
    id: workflow.id,
    name: workflow.name,
    type: 'Microsoft.Logic/workflows',
    location: workflow.location,
    tags: workflow.tags,
    ...(workflow.identity ? { identity: workflow.identity } : {}),
    properties: {
      provisioningState: 'Succeeded',
      createdTime: workflow.createdTime,
      changedTime: workflow.changedTime,
      state: workflow.state,
      version: workflow.version,
      accessEndpoint: `${baseUrl}${workflow.id}`,
      definition: workflow.definition,
      parameters: workflow.parameters,
    },
  };
}

export function runView(run: StoredRun): Json {
  return {
    id: run.id,
    name: run.name,
    type: 'Microsoft.Logic/workflows/runs',
    properties: {
      startTime: run.startTime,
      endTime: run.endTime,
      status: run.status,
      ...(run.error ? { error: run.error } : {}),
      trigger: { name: run.trigger.name, status: run.trigger.status },
      workflow: {
        id: `${run.workflow.id}/versions/${run.workflow.version}`,
        name: run.workflow.version,
        type: 'Microsoft.Logic/workflows/versions',
      },
    },
  };
}

export function runActionView(run: StoredRun, action: RunActionRecord): Json {
  return {
    id: `${run.id}/actions/${action.name}`,
    name: action.name,
    type: 'Microsoft.Logic/workflows/runs/actions',
    properties: {
      startTime: action.startTime,
      endTime: action.endTime,
      status: action.status,
      ...(action.code ? { code: action.code } : {}),
      ...(action.error ? { error: action.error } : {}),
    },
  };
}

export function connectionView(connection: StoredConnection): Json {
  const status = connection.authenticated ? 'Connected' : 'Error';
  return {
    id: connection.id,
    name: connection.name,
    type: 'Microsoft.Web/connections',
    location: connection.location,
    ...(connection.kind ? { kind: connection.kind } : {}),
    properties: {
      ...connection.properties,
      overallStatus: status,
      statuses: connection.authenticated
        ? [{ status }]
        : [
            {
              status,
              target: 'token',
              error: { code: 'Unauthenticated', message: 'This connection is not authenticated.' },
            },
          ],
    },
  };
}

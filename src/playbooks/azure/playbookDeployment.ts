/**
 * Creates or updates playbooks in a resource group through the Logic Apps API: first each
 * playbook's connections (a plain ARM PUT on the client's own authenticated pipeline, since
 * `@azure/arm-logic` has no Microsoft.Web operations), then the workflow, which refers to
 * them. Also asks Logic Apps to validate the workflows as they would be deployed.
 */
import type { LogicManagementClient } from '@azure/arm-logic';
import { RestError, createHttpHeaders, createPipelineRequest } from '@azure/core-rest-pipeline';
import type { Json } from '../validate/workflowWalk.ts';
import type { PlaybookFolder } from '../validate/playbookFolders.ts';
import {
  renderPlaybookResources,
  type PlaybookTarget,
  type RenderedPlaybook,
} from './renderPlaybookResources.ts';

export const CONNECTIONS_API_VERSION = '2016-06-01';

export interface PlaybookDeployOptions {
  target: PlaybookTarget;
  folders: PlaybookFolder[];
  /** Template parameter values given on the command line (ApiKey, HostName, ...). */
  values: Record<string, unknown>;
}

export interface DeployedPlaybook {
  playbook: string;
  workflowId: string;
  created: boolean;
  principalId: string;
  connections: Array<{ name: string; created: boolean; status: string }>;
}

export interface PlaybookValidationResult {
  playbook: string;
  valid: boolean;
  code?: string;
  message?: string;
}

export async function deployPlaybooks(
  client: LogicManagementClient,
  options: PlaybookDeployOptions,
): Promise<DeployedPlaybook[]> {
  const deployed: DeployedPlaybook[] = [];
  for (const folder of options.folders) {
    const rendered = render(folder, options);
    const connections = [];
    for (const connection of rendered.connections) {
      const answer = await putConnection(client, connection.id, connection.body);
      connections.push({ name: connection.name, ...answer });
    }

    const existed = await exists(client, options.target.resourceGroupName, rendered.workflowName);
    const workflow = await client.workflows.createOrUpdate(
      options.target.resourceGroupName,
      rendered.workflowName,
      rendered.workflow,
    );
    deployed.push({
      playbook: folder.name,
      workflowId: workflow.id ?? '',
      created: !existed,
      principalId: workflow.identity?.principalId ?? '',
      connections,
    });
  }
  return deployed;
}

export async function validatePlaybooksInAzure(
  client: LogicManagementClient,
  options: PlaybookDeployOptions,
): Promise<PlaybookValidationResult[]> {
  const results: PlaybookValidationResult[] = [];
  for (const folder of options.folders) {
    const rendered = render(folder, options);
    try {
      await client.workflows.validateByResourceGroup(
        options.target.resourceGroupName,
        rendered.workflowName,
        rendered.workflow,
      );
      results.push({ playbook: folder.name, valid: true });
    } catch (error) {
      results.push({ playbook: folder.name, valid: false, ...describeRestError(error) });
    }
  }
  return results;
}

function render(folder: PlaybookFolder, options: PlaybookDeployOptions): RenderedPlaybook {
  const declared = Object.keys((folder.template['parameters'] ?? {}) as Json);
  const values = Object.fromEntries(
    Object.entries(options.values).filter(([name]) => declared.includes(name)),
  );
  return renderPlaybookResources(folder.name, folder.template, options.target, values);
}

async function putConnection(
  client: LogicManagementClient,
  id: string,
  body: Json,
): Promise<{ created: boolean; status: string }> {
  const request = createPipelineRequest({
    url: `${client.$host}${id}?api-version=${CONNECTIONS_API_VERSION}`,
    method: 'PUT',
    headers: createHttpHeaders({ 'content-type': 'application/json', accept: 'application/json' }),
    body: JSON.stringify(body),
  });
  const response = await client.sendRequest(request);
  const answer = response.bodyAsText ? (JSON.parse(response.bodyAsText) as Json) : {};
  if (response.status >= 300) {
    // The same error the SDK's own operations reject with, so callers handle one kind.
    const error = (answer['error'] ?? {}) as Json;
    throw new RestError(`PUT ${id}: ${String(error['message'] ?? response.status)}`, {
      code: String(error['code'] ?? ''),
      statusCode: response.status,
      request,
    });
  }
  const properties = (answer['properties'] ?? {}) as Json;
  return { created: response.status === 201, status: String(properties['overallStatus'] ?? '') };
}

async function exists(
  client: LogicManagementClient,
  group: string,
  name: string,
): Promise<boolean> {
  try {
    await client.workflows.get(group, name);
    return true;
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return false;
    throw error;
  }
}

export function describeRestError(error: unknown): { code: string; message: string } {
  const rest = error as { code?: string; message?: string };
  return { code: rest.code ?? 'unknown', message: rest.message ?? String(error) };
}

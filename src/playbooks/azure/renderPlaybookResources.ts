/**
 * A playbook template turned into the resources it declares, with every ARM expression
 * evaluated for one resource group: its connections (Microsoft.Web/connections bodies) and
 * its workflow (the `@azure/arm-logic` Workflow model).
 */
import type { Workflow } from '@azure/arm-logic';
import type { Json } from '../validate/workflowWalk.ts';
import { ArmExpressionError, evaluateDeep, type ArmContext } from './armExpressions.ts';

export interface PlaybookTarget {
  subscriptionId: string;
  resourceGroupName: string;
  location: string;
}

export interface RenderedConnection {
  name: string;
  id: string;
  body: Json;
}

export interface RenderedPlaybook {
  workflowName: string;
  workflow: Workflow;
  connections: RenderedConnection[];
}

export class PlaybookParameterError extends Error {
  readonly code = 'playbook_parameter_missing';

  constructor(
    readonly playbook: string,
    readonly missing: string[],
  ) {
    super(`${playbook}: give a value for ${missing.join(', ')}`);
    this.name = 'PlaybookParameterError';
  }
}

export function renderPlaybookResources(
  playbook: string,
  template: Json,
  target: PlaybookTarget,
  values: Record<string, unknown>,
): RenderedPlaybook {
  const declared = (template['parameters'] ?? {}) as Record<string, Json>;
  const parameters: Record<string, unknown> = {};
  const missing: string[] = [];
  for (const [name, parameter] of Object.entries(declared)) {
    if (values[name] !== undefined) parameters[name] = values[name];
    else if (parameter['defaultValue'] !== undefined) parameters[name] = parameter['defaultValue'];
    else missing.push(name);
  }
  if (missing.length > 0) throw new PlaybookParameterError(playbook, missing);

  const context: ArmContext = {
    ...target,
    parameters: {},
    variables: (template['variables'] ?? {}) as Record<string, unknown>,
  };
  // Defaults may be expressions themselves ([resourceGroup().name]).
  context.parameters = evaluateDeep(parameters, context) as Record<string, unknown>;

  const resources = evaluateDeep(template['resources'] ?? [], context) as Json[];
  const groupId = `/subscriptions/${target.subscriptionId}/resourceGroups/${target.resourceGroupName}`;
  const workflow = resources.find((resource) => resource['type'] === 'Microsoft.Logic/workflows');
  if (!workflow) throw new ArmExpressionError('no Microsoft.Logic/workflows resource', playbook);

  const connections = resources
    .filter((resource) => resource['type'] === 'Microsoft.Web/connections')
    .map((resource) => {
      const name = String(resource['name']);
      return {
        name,
        id: `${groupId}/providers/Microsoft.Web/connections/${name}`,
        body: {
          location: resource['location'],
          ...(resource['kind'] ? { kind: resource['kind'] } : {}),
          properties: resource['properties'],
        },
      };
    });

  const properties = (workflow['properties'] ?? {}) as Json;
  return {
    workflowName: String(workflow['name']),
    connections,
    workflow: {
      location: String(workflow['location']),
      tags: (workflow['tags'] ?? {}) as Record<string, string>,
      ...(workflow['identity'] ? { identity: workflow['identity'] as Workflow['identity'] } : {}),
      state: (properties['state'] as Workflow['state']) ?? 'Enabled',
      definition: properties['definition'],
      parameters: (properties['parameters'] ?? {}) as Workflow['parameters'],
    },
  };
}

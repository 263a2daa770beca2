/**
 * The parts of a playbook template the rules read: its workflow resource and definition, its
 * connection resources and the `$connections` values, each with its pointer.
 */
import type { Json } from './workflowWalk.ts';

export interface PlaybookParts {
  template: Json;
  workflow?: { resource: Json; at: string };
  definition?: Json;
  definitionAt: string;
  connections: Array<{ resource: Json; at: string }>;
  /** `$connections` entries by key, as the workflow resource sets them. */
  connectionValues: Record<string, Json>;
}

export function playbookParts(template: Json): PlaybookParts {
  const resources = (Array.isArray(template['resources']) ? template['resources'] : []) as Json[];
  const index = resources.findIndex((resource) => resource['type'] === 'Microsoft.Logic/workflows');
  const resource = index >= 0 ? resources[index] : undefined;
  const properties = (resource?.['properties'] ?? {}) as Json;
  const parameters = (properties['parameters'] ?? {}) as Record<string, Json>;

  return {
    template,
    ...(resource ? { workflow: { resource, at: `#/resources/${index}` } } : {}),
    ...(properties['definition'] ? { definition: properties['definition'] as Json } : {}),
    definitionAt: `#/resources/${index}/properties/definition`,
    connections: resources
      .map((connection, position) => ({ resource: connection, at: `#/resources/${position}` }))
      .filter(({ resource: connection }) => connection['type'] === 'Microsoft.Web/connections'),
    connectionValues: ((parameters['$connections'] as Json | undefined)?.['value'] ?? {}) as Record<
      string,
      Json
    >,
  };
}

/** The ARM expression of a variable, e.g. `[concat('azuresentinel-', parameters('PlaybookName'))]`. */
export function variableExpression(template: Json, name: string): string | undefined {
  const value = ((template['variables'] ?? {}) as Json)[name];
  return typeof value === 'string' ? value : undefined;
}

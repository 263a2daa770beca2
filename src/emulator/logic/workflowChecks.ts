/**
 * What Logic Apps refuses when a workflow is saved or validated, with its error codes: no
 * location, a definition without triggers or with an unknown action type, a runAfter or an
 * expression naming an action that does not exist, an undeclared parameter, a connection the
 * workflow does not set or that does not exist, and a managed-identity connection whose
 * `$connections` entry (or the workflow) lacks the identity.
 */
import type { LogicResources, Json } from '../state/logicResources.ts';

export interface WorkflowRejection {
  status: number;
  code: string;
  message: string;
}

const ACTION_TYPES = new Set([
  'ApiConnection',
  'ApiConnectionWebhook',
  'ApiManagement',
  'AppendToArrayVariable',
  'AppendToStringVariable',
  'Compose',
  'DecrementVariable',
  'Foreach',
  'Function',
  'Http',
  'HttpWebhook',
  'If',
  'IncrementVariable',
  'InitializeVariable',
  'Join',
  'ParseJson',
  'Query',
  'Recurrence',
  'Request',
  'Response',
  'Scope',
  'Select',
  'SetVariable',
  'Switch',
  'Table',
  'Terminate',
  'Until',
  'Wait',
  'Workflow',
]);

const ACTION_REFERENCE = /\b(?:body|actions|outputs|result)\(\s*'((?:[^']|'')*)'\s*\)/g;
const PARAMETER_REFERENCE = /\bparameters\(\s*'((?:[^']|'')*)'\s*\)/g;
const CONNECTION_KEY = /parameters\('\$connections'\)\['([^']+)'\]/g;

interface Scoped {
  name: string;
  action: Json;
  siblings: Set<string>;
}

export function checkWorkflow(body: Json, logic: LogicResources): WorkflowRejection | undefined {
  if (typeof body['location'] !== 'string' || body['location'].length === 0) {
    return invalid('LocationRequired', 'The location property is required for this definition.');
  }
  const properties = (body['properties'] ?? {}) as Json;
  const definition = properties['definition'] as Json | undefined;
  if (typeof definition !== 'object' || definition === null) {
    return invalid('InvalidWorkflowDefinition', "The request must have a 'definition' property.");
  }

  const triggers = (definition['triggers'] ?? {}) as Record<string, Json>;
  const actions = scopedActions((definition['actions'] ?? {}) as Record<string, Json>);
  const names = new Set(actions.map((entry) => entry.name));
  const declared = new Set(Object.keys((definition['parameters'] ?? {}) as Json));
  const everything: Scoped[] = [
    ...Object.entries(triggers).map(([name, action]) => ({
      name,
      action,
      siblings: new Set<string>(),
    })),
    ...actions,
  ];

  return (
    checkTypes(everything) ??
    checkRunAfter(actions) ??
    checkReferences(everything, names, declared) ??
    checkConnections(body, everything, logic)
  );
}

function checkTypes(entries: Scoped[]): WorkflowRejection | undefined {
  const unknown = entries.find(({ action }) => !ACTION_TYPES.has(String(action['type'])));
  if (!unknown) return undefined;
  return invalid(
    'InvalidTemplate',
    `The template action '${unknown.name}' is not valid: ` +
      `the type '${String(unknown.action['type'])}' is not supported.`,
  );
}

function checkRunAfter(actions: Scoped[]): WorkflowRejection | undefined {
  for (const { name, action, siblings } of actions) {
    for (const after of Object.keys((action['runAfter'] ?? {}) as Json)) {
      if (!siblings.has(after) || after === name) {
        return invalid(
          'InvalidTemplate',
          `The 'runAfter' property of template action '${name}' contains non-existent action: '${after}'.`,
        );
      }
    }
  }
  return undefined;
}

function checkReferences(
  entries: Scoped[],
  names: Set<string>,
  declared: Set<string>,
): WorkflowRejection | undefined {
  for (const { name, action } of entries) {
    const text = JSON.stringify(withoutNested(action));
    for (const match of text.matchAll(ACTION_REFERENCE)) {
      if (!names.has(match[1] ?? '')) {
        return invalid(
          'InvalidTemplate',
          `Template validation failed: The action(s) '${match[1]}' referenced by 'inputs' ` +
            `in action '${name}' are not defined in the template.`,
        );
      }
    }
    for (const match of text.matchAll(PARAMETER_REFERENCE)) {
      if (!declared.has(match[1] ?? '')) {
        return invalid('InvalidTemplate', `The workflow parameter '${match[1]}' is not found.`);
      }
    }
  }
  return undefined;
}

function checkConnections(
  body: Json,
  entries: Scoped[],
  logic: LogicResources,
): WorkflowRejection | undefined {
  const properties = (body['properties'] ?? {}) as Json;
  const parameters = (properties['parameters'] ?? {}) as Record<string, Json>;
  const values = ((parameters['$connections'] ?? {})['value'] ?? {}) as Record<string, Json>;
  const identity = (body['identity'] as Json | undefined)?.['type'];

  for (const { name, action } of entries) {
    for (const match of JSON.stringify(withoutNested(action)).matchAll(CONNECTION_KEY)) {
      if (!values[match[1] ?? '']) {
        return invalid(
          'InvalidTemplate',
          `The action '${name}' uses the connection '${match[1]}', which '$connections' does not set.`,
        );
      }
    }
  }

  for (const [key, value] of Object.entries(values)) {
    const connection = logic.connection(String(value['connectionId'] ?? ''));
    if (!connection) {
      return {
        status: 400,
        code: 'ApiConnectionNotFound',
        message: `The API connection '${String(value['connectionId'])}' of '${key}' could not be found.`,
      };
    }
    const usesIdentity = connection.properties['parameterValueType'] === 'Alternative';
    const authentication = ((value['connectionProperties'] as Json | undefined)?.[
      'authentication'
    ] ?? {}) as Json;
    if (
      usesIdentity &&
      (authentication['type'] !== 'ManagedServiceIdentity' || identity !== 'SystemAssigned')
    ) {
      return invalid(
        'WorkflowManagedIdentityConfigurationInvalid',
        `The connection '${key}' uses the workflow's managed identity, but the workflow ` +
          `or its '$connections' entry does not configure one.`,
      );
    }
  }
  return undefined;
}

function scopedActions(actions: Record<string, Json>): Scoped[] {
  const siblings = new Set(Object.keys(actions));
  return Object.entries(actions).flatMap(([name, action]) => [
    { name, action, siblings },
    ...nestedScopes(action).flatMap(scopedActions),
  ]);
}

function nestedScopes(action: Json): Array<Record<string, Json>> {
  const scopes = [
    action['actions'],
    (action['else'] as Json | undefined)?.['actions'],
    (action['default'] as Json | undefined)?.['actions'],
    ...Object.values((action['cases'] ?? {}) as Record<string, Json>).map(
      (branch) => branch['actions'],
    ),
  ];
  return scopes.filter(
    (scope): scope is Record<string, Json> => typeof scope === 'object' && scope !== null,
  );
}

function withoutNested(action: Json): Json {
  return Object.fromEntries(
    Object.entries(action).filter(
      ([key]) => !['actions', 'else', 'default', 'cases'].includes(key),
    ),
  );
}

function invalid(code: string, message: string): WorkflowRejection {
  return { status: 400, code, message };
}

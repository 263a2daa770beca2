/**
 * Known gaps of the stored schema copies, filled before use so they do not hide real errors.
 * The Workflow Definition Language copy is a third-party vendored file that lists every HTTP
 * authentication type except `ManagedServiceIdentity`, which Logic Apps documents for the
 * built-in HTTP action (an `audience` and, for a user-assigned identity, an `identity`).
 * The generated Microsoft.SecurityInsights schema puts `additionalProperties: false` inside
 * one branch of the automation rule action's `allOf`, which rejects the `actionConfiguration`
 * its other branch requires, so no RunPlaybook action could pass; that flag is dropped.
 */
import type { SharedSchemaName } from './sharedSchemas.ts';

type Json = Record<string, unknown>;

const MANAGED_IDENTITY_AUTHENTICATION = {
  type: 'object',
  properties: {
    type: { type: 'string', enum: ['ManagedServiceIdentity'] },
    audience: { type: 'string', description: 'The resource the token is for.' },
    identity: { type: 'string', description: 'A user-assigned identity resource id.' },
  },
  required: ['type'],
  additionalProperties: false,
  description: 'The workflow managed identity authentication.',
};

export function amendSchema(name: SharedSchemaName, schema: Json): Json {
  if (name === 'workflowdefinition-2016-06-01.json') visit(schema);
  if (name === 'arm-2025-09-01-Microsoft.SecurityInsights.json') openAutomationRuleAction(schema);
  return schema;
}

function openAutomationRuleAction(schema: Json): void {
  const definitions = (schema['definitions'] ?? {}) as Record<string, Json>;
  const branches = definitions['AutomationRuleAction']?.['allOf'];
  if (!Array.isArray(branches)) return;
  for (const branch of branches as Json[]) delete branch['additionalProperties'];
}

function visit(value: unknown): void {
  if (Array.isArray(value)) return value.forEach(visit);
  if (typeof value !== 'object' || value === null) return;
  const node = value as Json;
  const authentication = node['authentication'] as Json | undefined;
  const branches = authentication?.['oneOf'];
  if (
    Array.isArray(branches) &&
    branches.some(isOAuthBranch) &&
    !branches.some(isManagedIdentityBranch)
  ) {
    branches.push(MANAGED_IDENTITY_AUTHENTICATION);
  }
  Object.values(node).forEach(visit);
}

function isOAuthBranch(branch: unknown): boolean {
  return JSON.stringify(branch).includes('"ActiveDirectoryOAuth"');
}

function isManagedIdentityBranch(branch: unknown): boolean {
  return JSON.stringify(branch).includes('"ManagedServiceIdentity"');
}

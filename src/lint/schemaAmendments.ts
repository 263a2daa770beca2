/**
 * Known gaps of the stored schema copies, filled before use so they do not hide real errors.
 * The Workflow Definition Language copy is a third-party vendored file that lists every HTTP
 * authentication type except `ManagedServiceIdentity`, which Logic Apps documents for the
 * built-in HTTP action (an `audience` and, for a user-assigned identity, an `identity`).
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
  if (name !== 'workflowdefinition-2016-06-01.json') return schema;
  visit(schema);
  return schema;
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

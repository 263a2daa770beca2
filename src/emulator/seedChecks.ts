/**
 * Validation of an emulator seed: a JSON Schema for the shape, then the cross-references a
 * schema cannot express (unique ids, workspaces owned by a seeded tenant, one credential per
 * app at least).
 */
import { Ajv, type ErrorObject } from 'ajv';

import { SENTINEL_SEVERITIES, SENTINEL_STATUSES } from '../model/sentinelIncident.ts';

const stringList = { type: 'array', items: { type: 'string' } } as const;

const SEED_SCHEMA = {
  type: 'object',
  required: ['tenants', 'workspaces'],
  properties: {
    tenants: {
      type: 'array',
      items: {
        type: 'object',
        required: ['tenantId', 'clients', 'users', 'defenderIncidents'],
        properties: {
          tenantId: { type: 'string', minLength: 1 },
          displayName: { type: 'string' },
          clients: {
            type: 'array',
            items: {
              type: 'object',
              required: ['clientId', 'displayName'],
              properties: {
                clientId: { type: 'string', minLength: 1 },
                clientSecret: { type: 'string', minLength: 1 },
                certificatePem: { type: 'string', minLength: 1 },
                displayName: { type: 'string' },
                objectId: { type: 'string' },
              },
            },
          },
          apis: {
            type: 'array',
            items: {
              type: 'object',
              required: ['appId', 'identifierUri', 'displayName'],
              properties: {
                appId: { type: 'string', minLength: 1 },
                identifierUri: { type: 'string', minLength: 1 },
                displayName: { type: 'string' },
                accessTokenVersion: { enum: [1, 2] },
                appRoleAssignments: { type: 'object', additionalProperties: stringList },
              },
            },
          },
          users: {
            type: 'array',
            items: {
              type: 'object',
              required: ['id', 'userPrincipalName'],
              properties: { id: { type: 'string' }, userPrincipalName: { type: 'string' } },
            },
          },
          defenderIncidents: {
            type: 'array',
            items: {
              type: 'object',
              required: ['id'],
              properties: {
                id: { type: 'string', minLength: 1 },
                customTags: stringList,
                alerts: { type: 'array', items: { type: 'object', required: ['id'] } },
                comments: { type: 'array', items: { type: 'object' } },
              },
            },
          },
        },
      },
    },
    workspaces: {
      type: 'array',
      items: {
        type: 'object',
        required: ['subscriptionId', 'resourceGroupName', 'workspaceName', 'tenantId', 'incidents'],
        properties: {
          subscriptionId: { type: 'string', minLength: 1 },
          resourceGroupName: { type: 'string', minLength: 1 },
          workspaceName: { type: 'string', minLength: 1 },
          tenantId: { type: 'string', minLength: 1 },
          incidents: { type: 'array', items: { $ref: '#/definitions/incidentSeed' } },
        },
      },
    },
  },
  definitions: {
    incidentSeed: {
      type: 'object',
      required: ['incident'],
      properties: {
        incident: {
          type: 'object',
          required: ['name', 'properties'],
          properties: {
            name: { type: 'string', minLength: 1 },
            properties: {
              type: 'object',
              required: ['title', 'severity', 'status'],
              properties: {
                title: { type: 'string', minLength: 1 },
                severity: { enum: [...SENTINEL_SEVERITIES] },
                status: { enum: [...SENTINEL_STATUSES] },
              },
            },
          },
        },
        alerts: { type: 'array', items: { $ref: '#/definitions/armEntity' } },
        entities: { type: 'array', items: { $ref: '#/definitions/armEntity' } },
        comments: {
          type: 'array',
          items: {
            type: 'object',
            required: ['name', 'properties'],
            properties: {
              name: { type: 'string', minLength: 1 },
              properties: {
                type: 'object',
                required: ['message'],
                properties: { message: { type: 'string' } },
              },
            },
          },
        },
      },
    },
    armEntity: {
      type: 'object',
      required: ['name', 'kind', 'properties'],
      properties: {
        name: { type: 'string', minLength: 1 },
        kind: { type: 'string' },
        properties: { type: 'object' },
      },
    },
  },
} as const;

const validateShape = new Ajv({ allErrors: true }).compile(SEED_SCHEMA);

/** Every problem in the seed, as `path: reason` lines; empty when the seed is usable. */
export function findSeedProblems(value: unknown): string[] {
  if (!validateShape(value)) return (validateShape.errors ?? []).map(describeSchemaError);
  return findReferenceProblems(value as SeedShape);
}

interface SeedShape {
  tenants: Array<{
    tenantId: string;
    clients: Array<{ clientId: string; clientSecret?: string; certificatePem?: string }>;
    apis?: Array<{ appId: string; appRoleAssignments?: Record<string, string[]> }>;
    users: Array<{ id: string; userPrincipalName: string }>;
    defenderIncidents: Array<{ id: string }>;
  }>;
  workspaces: Array<{
    subscriptionId: string;
    resourceGroupName: string;
    workspaceName: string;
    tenantId: string;
    incidents: Array<{ incident: { name: string } }>;
  }>;
}

function findReferenceProblems(seed: SeedShape): string[] {
  const problems: string[] = [];
  const tenantIds = new Set<string>();

  seed.tenants.forEach((tenant, index) => {
    const where = `/tenants/${index}`;
    if (!addUnique(tenantIds, tenant.tenantId)) problems.push(`${where}: duplicate tenantId`);

    const clientIds = new Set<string>();
    tenant.clients.forEach((client, clientIndex) => {
      const clientWhere = `${where}/clients/${clientIndex}`;
      if (!addUnique(clientIds, client.clientId))
        problems.push(`${clientWhere}: duplicate clientId`);
      if (!client.clientSecret && !client.certificatePem) {
        problems.push(`${clientWhere}: needs clientSecret or certificatePem`);
      }
    });

    (tenant.apis ?? []).forEach((api, apiIndex) => {
      for (const clientId of Object.keys(api.appRoleAssignments ?? {})) {
        if (!clientIds.has(clientId.toLowerCase())) {
          problems.push(
            `${where}/apis/${apiIndex}: role assignment to unknown client '${clientId}'`,
          );
        }
      }
    });
    problems.push(...duplicates(tenant.apis ?? [], (api) => api.appId, `${where}/apis`, 'appId'));

    problems.push(...duplicates(tenant.users, (user) => user.id, `${where}/users`, 'id'));
    problems.push(
      ...duplicates(tenant.users, (user) => user.userPrincipalName, `${where}/users`, 'UPN'),
    );
    problems.push(
      ...duplicates(
        tenant.defenderIncidents,
        (item) => item.id,
        `${where}/defenderIncidents`,
        'id',
      ),
    );
  });

  const workspaceKeys = new Set<string>();
  seed.workspaces.forEach((workspace, index) => {
    const where = `/workspaces/${index}`;
    const key = [workspace.subscriptionId, workspace.resourceGroupName, workspace.workspaceName];
    if (!addUnique(workspaceKeys, key.join('/'))) problems.push(`${where}: duplicate workspace`);
    if (!tenantIds.has(workspace.tenantId.toLowerCase())) {
      problems.push(`${where}: tenantId '${workspace.tenantId}' is not a seeded tenant`);
    }
    problems.push(
      ...duplicates(
        workspace.incidents,
        (item) => item.incident.name,
        `${where}/incidents`,
        'name',
      ),
    );
  });

  return problems;
}

function duplicates<T>(
  items: T[],
  key: (item: T) => string,
  where: string,
  what: string,
): string[] {
  const seen = new Set<string>();
  return items.flatMap((item, index) =>
    addUnique(seen, key(item)) ? [] : [`${where}/${index}: duplicate ${what} '${key(item)}'`],
  );
}

/** Ids are compared case-insensitively, as Entra ID and ARM compare them. */
function addUnique(seen: Set<string>, value: string): boolean {
  const normalized = value.toLowerCase();
  if (seen.has(normalized)) return false;
  seen.add(normalized);
  return true;
}

function describeSchemaError(error: ErrorObject): string {
  return `${error.instancePath || '/'}: ${error.message ?? 'is invalid'}`;
}

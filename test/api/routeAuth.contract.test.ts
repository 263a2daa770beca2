/**
 * The route table and the contract agree on who may call what: every route names its roles
 * (GetHealth alone is open), and the contract declares the same roles, both credentials and
 * the 401 and 403 answers for every protected operation, including operations added later.
 */
import { describe, expect, it } from 'vitest';
import { routes } from '../../api/routes.ts';
import { loadOpenApiDocument } from '../../api/validation/openapiDocument.ts';
import { API_ROLES } from '../../src/auth/apiRoles.ts';

const document = loadOpenApiDocument();
const OPEN_OPERATIONS = ['GetHealth'];

function contractRoles(operationId: string): string[] | undefined {
  const operation = document.operations.find((candidate) => candidate.operationId === operationId);
  return operation?.security?.flatMap((requirement) => requirement['EntraId'] ?? []).sort();
}

describe('roles per operation', () => {
  it('has an auth entry on every route, open only for GetHealth', () => {
    for (const route of routes) {
      expect(route.auth, route.operationId).toBeDefined();
      expect(route.auth.open, route.operationId).toBe(OPEN_OPERATIONS.includes(route.operationId));
      if (!route.auth.open) expect(route.auth.anyRole.length).toBeGreaterThan(0);
    }
  });

  it('gives each route the roles the contract declares for its operation', () => {
    for (const route of routes) {
      const declared = contractRoles(route.operationId);
      const required = route.auth.open ? [] : [...route.auth.anyRole].sort();
      expect(declared, route.operationId).toEqual(required);
    }
  });

  it('declares security on every operation of the contract, served here or not yet', () => {
    const schemes = Object.keys(
      (document.raw['components'] as { securitySchemes: Record<string, unknown> }).securitySchemes,
    ).sort();
    expect(schemes).toEqual(['ApiKey', 'EntraId']);

    for (const operation of document.operations) {
      const { operationId, security, responses } = operation;
      expect(security, `${operationId} declares security`).toBeDefined();
      if (OPEN_OPERATIONS.includes(operationId)) {
        expect(security).toEqual([]);
        continue;
      }

      expect(security, operationId).toContainEqual({ ApiKey: [] });
      const roles = contractRoles(operationId) ?? [];
      expect(roles.length, `${operationId} names a role`).toBeGreaterThan(0);
      for (const role of roles) expect(API_ROLES).toContain(role);
      for (const status of ['401', '403', '429']) {
        expect(responses[status]?.mediaType, `${operationId} answers ${status}`).toBe(
          'application/problem+json',
        );
      }
    }
  });

  it('lists every role as a scope of the EntraId scheme, for both flows', () => {
    const scheme = (
      document.raw['components'] as {
        securitySchemes: { EntraId: { flows: Record<string, { scopes: object }> } };
      }
    ).securitySchemes.EntraId;

    for (const flow of Object.values(scheme.flows)) {
      expect(Object.keys(flow.scopes).sort()).toEqual([...API_ROLES].sort());
    }
  });
});

/**
 * Directory lookups owner resolution needs: `GET /users/{id | userPrincipalName}` (UPNs
 * match ignoring case; guest UPNs with `#EXT#` arrive URL-encoded) and
 * `GET /users?$filter=mail eq '...'` or `userPrincipalName eq '...'`. `$select` picks the
 * returned properties; without it Graph's default user property set is answered.
 */
import type { Request, RequestHandler } from 'express';

import type { GraphUser } from '../../model/graphIncident.ts';
import type { EmulatorContext } from '../emulatorContext.ts';
import { matchesFilter, readPath } from '../odata/filterEvaluator.ts';
import { filterPaths, parseFilter, type FilterExpression } from '../odata/filterParser.ts';
import { ODataQueryError } from '../odata/odataQueryError.ts';
import { findUser } from '../state/defenderTenant.ts';
import { sendGraphBadRequest, sendGraphError } from './graphErrors.ts';
import { tenantOf } from './graphGuards.ts';

/** The properties Graph returns for a user when no `$select` is given. */
const DEFAULT_USER_PROPERTIES = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
];
const SELECTABLE_USER_PROPERTIES = [
  ...DEFAULT_USER_PROPERTIES,
  'userType',
  'accountEnabled',
  'department',
];
const FILTERABLE_USER_PROPERTIES = ['mail', 'userPrincipalName', 'id', 'displayName'];

export function getUser(context: EmulatorContext): RequestHandler {
  return (req, res) => {
    const idOrUpn = String(req.params['userId']);
    const user = findUser(tenantOf(res), idOrUpn);
    if (!user) {
      const message =
        `Resource '${idOrUpn}' does not exist or one of its queried reference-property ` +
        'objects are not present.';
      return sendGraphError(req, res, 404, 'Request_ResourceNotFound', message);
    }

    try {
      const select = readSelect(req);
      const manager = readManagerExpand(req);
      res.json({
        '@odata.context': usersContext(context, select, '/$entity'),
        ...project(user, select),
        ...(manager ? { manager: managerOf(tenantOf(res), user, manager.select) } : {}),
      });
    } catch (error) {
      if (error instanceof ODataQueryError) return sendGraphBadRequest(req, res, error.message);
      throw error;
    }
  };
}

export function listUsers(context: EmulatorContext): RequestHandler {
  return (req, res) => {
    try {
      const select = readSelect(req);
      const filter = readUserFilter(req);
      const matches = (user: GraphUser) =>
        !filter ||
        matchesFilter(filter, (path) => readPath(user, path), { ignoreCase: () => true });

      res.json({
        '@odata.context': usersContext(context, select, ''),
        value: tenantOf(res)
          .users.filter(matches)
          .map((user) => project(user, select)),
      });
    } catch (error) {
      if (error instanceof ODataQueryError) return sendGraphBadRequest(req, res, error.message);
      throw error;
    }
  };
}

function readUserFilter(req: Request): FilterExpression | undefined {
  const text = req.query['$filter'];
  if (typeof text !== 'string') return undefined;

  const filter = parseFilter(text);
  const unsupported = filterPaths(filter).find(
    (path) => !FILTERABLE_USER_PROPERTIES.includes(path.join('/')),
  );
  if (unsupported) {
    const clause = unsupported.join('/');
    throw new ODataQueryError(
      '$filter',
      `Unsupported or invalid query filter clause on '${clause}'.`,
    );
  }
  return filter;
}

/** `$expand=manager` or `$expand=manager($select=a,b)`; any other expansion is refused. */
function readManagerExpand(req: Request): { select: string[] | undefined } | undefined {
  const expand = req.query['$expand'];
  if (expand === undefined) return undefined;

  const match = /^manager(?:\(\$select=([^)]*)\))?$/i.exec(String(expand).trim());
  if (!match) {
    throw new ODataQueryError(
      '$expand',
      `Could not find a navigation property named '${String(expand)}'.`,
    );
  }
  return { select: match[1] === undefined ? undefined : parseSelectList(match[1]) };
}

/** The manager as a directory object; null when the user has none. */
function managerOf(
  tenant: ReturnType<typeof tenantOf>,
  user: GraphUser,
  select: string[] | undefined,
): Record<string, unknown> | null {
  const managerId = (user as GraphUser & { managerId?: string | null }).managerId;
  const manager = managerId ? findUser(tenant, managerId) : undefined;
  return manager ? { '@odata.type': '#microsoft.graph.user', ...project(manager, select) } : null;
}

function readSelect(req: Request): string[] | undefined {
  const select = req.query['$select'];
  if (select === undefined) return undefined;
  return parseSelectList(String(select));
}

function parseSelectList(select: string): string[] {
  const properties = select
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  const unknown = properties.find((property) => !SELECTABLE_USER_PROPERTIES.includes(property));
  if (unknown) {
    throw new ODataQueryError(
      '$select',
      `Could not find a property named '${unknown}' on type 'microsoft.graph.user'.`,
    );
  }
  return properties;
}

function project(user: GraphUser, select: string[] | undefined): Record<string, unknown> {
  const record = user as unknown as Record<string, unknown>;
  const properties = select ?? DEFAULT_USER_PROPERTIES;
  return Object.fromEntries(
    properties.map((property) => [
      property,
      record[property] ?? (property === 'businessPhones' ? [] : null),
    ]),
  );
}

function usersContext(
  context: EmulatorContext,
  select: string[] | undefined,
  suffix: string,
): string {
  const selection = select ? `(${select.join(',')})` : '';
  return `${context.baseUrl}/v1.0/$metadata#users${selection}${suffix}`;
}

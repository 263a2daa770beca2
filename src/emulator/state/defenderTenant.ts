/**
 * One Entra ID tenant as the emulator holds it: its app registrations, its directory users
 * and its Defender XDR incidents in Graph v1.0 shape (alerts and comments inline).
 */
import type { GraphRiskyUser } from '../../model/graphDirectory.ts';
import type { GraphComment, GraphIncident, GraphUser } from '../../model/graphIncident.ts';
import { normalizeAlertEnums, normalizeIncidentEnums } from '../graph/graphEnums.ts';
import { stableGuid } from '../ids.ts';
import type { EmulatorTenantSeed } from '../seed.ts';
import { formatDate, stampAfter } from '../timestamps.ts';
import type { EmulatorApi, EmulatorClient } from './appPrincipal.ts';

export interface DefenderTenant {
  tenantId: string;
  displayName: string;
  clients: EmulatorClient[];
  apis: EmulatorApi[];
  users: GraphUser[];
  /** Keyed by Graph incident id. */
  incidents: Map<string, GraphIncident>;
  riskyUsers: GraphRiskyUser[];
  /** False when the tenant has no Entra ID Protection (riskyUsers answers 403). */
  identityProtection: boolean;
}

/** Who a change came from, written to `lastModifiedBy`. */
export interface DefenderChangeAuthor {
  name: string;
}

export function buildDefenderTenant(seed: EmulatorTenantSeed, now: Date): DefenderTenant {
  const tenant: DefenderTenant = {
    tenantId: seed.tenantId,
    displayName: seed.displayName ?? seed.tenantId,
    clients: seed.clients.map((client) => ({
      ...client,
      tenantId: seed.tenantId,
      objectId: client.objectId ?? stableGuid('service-principal', seed.tenantId, client.clientId),
    })),
    apis: (seed.apis ?? []).map((api) => ({
      tenantId: seed.tenantId,
      appId: api.appId,
      identifierUri: api.identifierUri,
      displayName: api.displayName,
      accessTokenVersion: api.accessTokenVersion ?? 1,
      appRoleAssignments: Object.fromEntries(
        Object.entries(api.appRoleAssignments ?? {}).map(([clientId, roles]) => [
          clientId.toLowerCase(),
          [...roles],
        ]),
      ),
    })),
    users: structuredClone(seed.users),
    incidents: new Map(),
    riskyUsers: structuredClone(seed.riskyUsers ?? []),
    identityProtection: seed.identityProtection ?? true,
  };

  for (const incident of seed.defenderIncidents) {
    const record = normalizeGraphIncident(incident, tenant.tenantId, now);
    tenant.incidents.set(record.id, record);
  }
  return tenant;
}

/** Fills what the service always sends and rewrites enum values into camelCase. */
export function normalizeGraphIncident(
  incident: GraphIncident,
  tenantId: string,
  now: Date,
): GraphIncident {
  const copy = structuredClone(incident);
  const created = copy.createdDateTime ?? formatDate(now);
  const record: GraphIncident = {
    '@odata.type': '#microsoft.graph.security.incident',
    ...copy,
    tenantId: copy.tenantId ?? tenantId,
    incidentWebUrl:
      copy.incidentWebUrl ?? `https://security.microsoft.com/incidents/${copy.id}?tid=${tenantId}`,
    redirectIncidentId: copy.redirectIncidentId ?? null,
    status: copy.status ?? 'active',
    severity: copy.severity ?? 'unknown',
    classification: copy.classification ?? 'unknown',
    determination: copy.determination ?? 'unknown',
    assignedTo: copy.assignedTo ?? null,
    lastModifiedBy: copy.lastModifiedBy ?? null,
    createdDateTime: created,
    lastUpdateDateTime: copy.lastUpdateDateTime ?? created,
    customTags: copy.customTags ?? [],
    systemTags: copy.systemTags ?? [],
    comments: copy.comments ?? [],
    alerts: (copy.alerts ?? []).map(normalizeAlertEnums),
  };
  return normalizeIncidentEnums(record);
}

export function findUser(tenant: DefenderTenant, idOrUpn: string): GraphUser | undefined {
  const wanted = idOrUpn.toLowerCase();
  return tenant.users.find(
    (user) => user.id.toLowerCase() === wanted || user.userPrincipalName.toLowerCase() === wanted,
  );
}

/** Graph incident ids are increasing integers printed as strings. */
export function nextDefenderIncidentId(tenant: DefenderTenant): string {
  const numericIds = [...tenant.incidents.keys()].map(Number).filter(Number.isSafeInteger);
  return String(Math.max(1000, ...numericIds) + 1);
}

/**
 * Applies `changes` to a stored incident. When any value differs, `lastUpdateDateTime` moves
 * strictly forward and `lastModifiedBy` names the author, unless the change sets those two
 * itself (a test replaying a back-dated update does).
 */
export function applyDefenderChange(
  incident: GraphIncident,
  changes: Partial<GraphIncident>,
  author: DefenderChangeAuthor,
  now: Date,
): boolean {
  const changedKeys = Object.entries(changes).filter(
    ([key, value]) => !sameJson((incident as unknown as Record<string, unknown>)[key], value),
  );
  if (changedKeys.length === 0) return false;

  Object.assign(incident, normalizeIncidentEnums({ ...incident, ...structuredClone(changes) }));
  if (changes.lastUpdateDateTime === undefined) {
    incident.lastUpdateDateTime = stampAfter(now, incident.lastUpdateDateTime);
  }
  if (changes.lastModifiedBy === undefined) incident.lastModifiedBy = author.name;
  return true;
}

/** Appends a comment the way `POST /comments` does and bumps the change cursor. */
export function appendDefenderComment(
  incident: GraphIncident,
  text: string,
  author: DefenderChangeAuthor,
  now: Date,
): GraphComment[] {
  const comment: GraphComment = {
    comment: text,
    createdByDisplayName: author.name,
    createdDateTime: stampAfter(now, latestCommentTime(incident)),
  };

  incident.comments = [...(incident.comments ?? []), comment];
  incident.lastUpdateDateTime = stampAfter(now, incident.lastUpdateDateTime);
  incident.lastModifiedBy = author.name;
  return incident.comments;
}

function latestCommentTime(incident: GraphIncident): string | undefined {
  const last = incident.comments?.at(-1);
  return last?.createdDateTime ?? last?.createdTime ?? undefined;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

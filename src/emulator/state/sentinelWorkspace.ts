/**
 * One Log Analytics workspace with Sentinel, as the emulator holds it: incidents keyed by
 * name (case-insensitive, like ARM), each with its alerts, entities and comments, and the
 * per-workspace counter behind `incidentNumber`.
 */
import type { GraphUser } from '../../model/graphIncident.ts';
import type {
  SentinelAlert,
  SentinelComment,
  SentinelEntity,
  SentinelIncident,
} from '../../model/sentinelIncident.ts';
import type {
  SentinelWatchlistItem,
  ThreatIntelligenceIndicator,
} from '../../model/sentinelContext.ts';
import type { SentinelWorkspaceRef } from '../../model/sentinelIncidentArmId.ts';
import { newCommentEtag, newIncidentEtag } from '../ids.ts';
import type { EmulatorWorkspaceSeed, SentinelIncidentSeed } from '../seed.ts';
import { formatDate } from '../timestamps.ts';
import { resolveOwner } from './sentinelOwner.ts';
import {
  COMMENT_RESOURCE_TYPE,
  commentArmId,
  defaultAdditionalData,
  ENTITY_RESOURCE_TYPE,
  entityArmId,
  INCIDENT_RESOURCE_TYPE,
  incidentArmId,
  incidentPortalUrl,
} from './sentinelResources.ts';

export interface StoredSentinelIncident {
  resource: SentinelIncident;
  alerts: SentinelAlert[];
  entities: SentinelEntity[];
  /** In creation order. */
  comments: SentinelComment[];
}

export interface SentinelWorkspace {
  ref: SentinelWorkspaceRef;
  tenantId: string;
  /** Keyed by lower-cased incident name. */
  incidents: Map<string, StoredSentinelIncident>;
  lastIncidentNumber: number;
  /** Keyed by lower-cased alias. */
  watchlists: Map<string, { alias: string; items: SentinelWatchlistItem[] }>;
  indicators: ThreatIntelligenceIndicator[];
}

export function buildSentinelWorkspace(
  seed: EmulatorWorkspaceSeed,
  directory: readonly GraphUser[],
  now: Date,
): SentinelWorkspace {
  const workspace: SentinelWorkspace = {
    ref: {
      subscriptionId: seed.subscriptionId,
      resourceGroupName: seed.resourceGroupName,
      workspaceName: seed.workspaceName,
    },
    tenantId: seed.tenantId,
    incidents: new Map(),
    lastIncidentNumber: 0,
    watchlists: new Map(
      (seed.watchlists ?? []).map((list) => [
        list.alias.toLowerCase(),
        { alias: list.alias, items: structuredClone(list.items) },
      ]),
    ),
    indicators: structuredClone(seed.threatIntelligence ?? []),
  };

  const seededNumbers = seed.incidents.map((item) => item.incident.properties.incidentNumber ?? 0);
  workspace.lastIncidentNumber = Math.max(0, ...seededNumbers);

  for (const item of seed.incidents) {
    storeIncident(workspace, normalizeSentinelIncident(item, workspace, directory, now));
  }
  return workspace;
}

export function storeIncident(workspace: SentinelWorkspace, stored: StoredSentinelIncident): void {
  workspace.incidents.set(stored.resource.name.toLowerCase(), stored);
}

export function findStoredIncident(
  workspace: SentinelWorkspace,
  incidentName: string,
): StoredSentinelIncident | undefined {
  return workspace.incidents.get(incidentName.toLowerCase());
}

export function takeIncidentNumber(workspace: SentinelWorkspace): number {
  workspace.lastIncidentNumber += 1;
  return workspace.lastIncidentNumber;
}

/**
 * Completes a seeded incident with what the service computes: canonical ids and types, an
 * etag, timestamps, a number, the portal link and `additionalData` counts.
 */
export function normalizeSentinelIncident(
  seed: SentinelIncidentSeed,
  workspace: SentinelWorkspace,
  directory: readonly GraphUser[],
  now: Date,
): StoredSentinelIncident {
  const { name } = seed.incident;
  const given = structuredClone(seed.incident.properties);
  const stamp = formatDate(now);
  const alerts = (seed.alerts ?? []).map((alert) => normalizeEntity(alert, workspace.ref));
  const entities = (seed.entities ?? []).map((entity) => normalizeEntity(entity, workspace.ref));
  const comments = (seed.comments ?? []).map((comment) =>
    normalizeComment(comment, workspace.ref, name, stamp),
  );

  const resource: SentinelIncident = {
    id: incidentArmId(workspace.ref, name),
    name,
    type: INCIDENT_RESOURCE_TYPE,
    etag: seed.incident.etag ?? newIncidentEtag(),
    properties: {
      ...given,
      owner: resolveOwner(given.owner, directory),
      labels: given.labels ?? [],
      createdTimeUtc: given.createdTimeUtc ?? stamp,
      lastModifiedTimeUtc: given.lastModifiedTimeUtc ?? given.createdTimeUtc ?? stamp,
      incidentNumber: given.incidentNumber ?? takeIncidentNumber(workspace),
      incidentUrl: given.incidentUrl ?? incidentPortalUrl(workspace.ref, name),
      relatedAnalyticRuleIds: given.relatedAnalyticRuleIds ?? [],
      additionalData: {
        ...defaultAdditionalData(),
        alertsCount: alerts.length,
        commentsCount: comments.length,
        ...given.additionalData,
      },
    },
  };
  return { resource, alerts, entities, comments };
}

function normalizeEntity<T extends SentinelAlert | SentinelEntity>(
  entity: T,
  workspace: SentinelWorkspaceRef,
): T {
  return {
    ...structuredClone(entity),
    id: entity.id ?? entityArmId(workspace, entity.name),
    type: entity.type ?? ENTITY_RESOURCE_TYPE,
  };
}

function normalizeComment(
  comment: SentinelComment,
  workspace: SentinelWorkspaceRef,
  incidentName: string,
  stamp: string,
): SentinelComment {
  const created = comment.properties.createdTimeUtc ?? stamp;
  return {
    ...structuredClone(comment),
    id: commentArmId(workspace, incidentName, comment.name),
    type: COMMENT_RESOURCE_TYPE,
    etag: comment.etag ?? newCommentEtag(),
    properties: {
      ...structuredClone(comment.properties),
      createdTimeUtc: created,
      lastModifiedTimeUtc: comment.properties.lastModifiedTimeUtc ?? created,
    },
  };
}

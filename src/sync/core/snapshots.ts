/**
 * What each side of a pair looked like right after the last sync. The merge compares each side
 * with its own snapshot, field by field, to tell what changed since; after a write the
 * snapshot is what was written, which is why our own writes never come back as changes.
 */
import type {
  GraphClassification,
  GraphDetermination,
  GraphIncidentStatus,
  GraphSeverity,
} from '../../model/graphIncident.ts';
import type {
  SentinelClassification,
  SentinelClassificationReason,
  SentinelSeverity,
  SentinelStatus,
} from '../../model/sentinelIncident.ts';
import type { DefenderIncidentView } from '../../mapping/defenderIncidentView.ts';
import type { OwnerFields } from '../../mapping/ownerMapping.ts';
import type { SentinelIncidentView } from '../../mapping/sentinelIncidentView.ts';

export const SNAPSHOT_VERSION = 1;

export interface DefenderSnapshot {
  v: typeof SNAPSHOT_VERSION;
  id: string;
  status: GraphIncidentStatus;
  classification: GraphClassification;
  determination: GraphDetermination;
  assignedTo: string | null;
  customTags: string[];
  systemTags: string[];
  severity: GraphSeverity;
  title: string;
  description: string;
  redirectIncidentId: string | null;
  lastUpdateDateTime: string;
}

export interface SentinelSnapshot {
  v: typeof SNAPSHOT_VERSION;
  name: string;
  status: SentinelStatus | null;
  classification: SentinelClassification | null;
  classificationReason: SentinelClassificationReason | null;
  owner: OwnerFields;
  labels: Array<{ labelName: string; labelType: string }>;
  severity: SentinelSeverity | null;
  title: string;
  description: string;
  etag: string;
  lastModifiedTimeUtc: string;
}

export function snapshotOfDefender(incident: DefenderIncidentView): DefenderSnapshot {
  return {
    v: SNAPSHOT_VERSION,
    id: incident.id,
    status: incident.status,
    classification: incident.classification,
    determination: incident.determination,
    assignedTo: incident.assignedTo,
    customTags: [...incident.customTags],
    systemTags: [...incident.systemTags],
    severity: incident.severity,
    title: incident.title,
    description: incident.description,
    redirectIncidentId: incident.redirectIncidentId,
    lastUpdateDateTime: incident.lastUpdateDateTime,
  };
}

export function snapshotOfSentinel(incident: SentinelIncidentView): SentinelSnapshot {
  return {
    v: SNAPSHOT_VERSION,
    name: incident.name,
    status: incident.status,
    classification: incident.classification,
    classificationReason: incident.classificationReason,
    owner: { ...incident.owner },
    labels: incident.labels.map((label) => ({ ...label })),
    severity: incident.severity,
    title: incident.title,
    description: incident.description,
    etag: incident.etag,
    lastModifiedTimeUtc: incident.lastModifiedTimeUtc,
  };
}

/** Reads a stored snapshot; anything from another format version counts as no snapshot. */
export function readDefenderSnapshot(stored: unknown): DefenderSnapshot | undefined {
  return isVersioned(stored) ? (stored as DefenderSnapshot) : undefined;
}

export function readSentinelSnapshot(stored: unknown): SentinelSnapshot | undefined {
  return isVersioned(stored) ? (stored as SentinelSnapshot) : undefined;
}

function isVersioned(stored: unknown): boolean {
  return (
    typeof stored === 'object' &&
    stored !== null &&
    (stored as { v?: unknown }).v === SNAPSHOT_VERSION
  );
}

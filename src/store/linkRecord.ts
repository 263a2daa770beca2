/** A link between one Defender incident and one Sentinel incident, as the store keeps it. */

export type LinkState = 'linked' | 'redirected' | 'unverified';
export type LinkOrigin = 'providerIncidentId' | 'created' | 'manual';

export interface LinkRecord {
  id: string;
  pairName: string;
  defenderTenantId: string;
  defenderIncidentId: string;
  sentinelIncidentArmId: string;
  sentinelIncidentNumber: number | null;
  state: LinkState;
  linkedBy: LinkOrigin;
  redirectedToLinkId: string | null;
  /** What each side looked like right after the last sync; opaque JSON owned by the sync. */
  defenderSnapshot: unknown;
  sentinelSnapshot: unknown;
  determinationMemory: Record<string, string>;
  lastSyncedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Bumped by every write; a stale revision means another writer got there first. */
  revision: number;
  /** The state a write in flight would leave, if its outcome was never recorded. */
  pendingWrite: unknown;
  /** The Sentinel etag at which every comment was last found carried; null until then. */
  commentsSyncedEtag: string | null;
}

export interface NewLink {
  pairName: string;
  defenderTenantId: string;
  defenderIncidentId: string;
  sentinelIncidentArmId: string;
  sentinelIncidentNumber: number | null;
  linkedBy: LinkOrigin;
}

export interface SyncedState {
  defenderSnapshot: unknown;
  sentinelSnapshot: unknown;
  determinationMemory: Record<string, string>;
  sentinelIncidentNumber: number | null;
  syncedAt: string;
}

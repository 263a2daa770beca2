/**
 * What the reconcile sweep keeps of each link and each Sentinel incident: the few strings it
 * compares, not the snapshots and incident bodies they come from, so that a sweep over a
 * large workspace holds a small fraction of what it reads. Sentinel incidents are keyed by
 * name, not by ARM id: a pair has one workspace, and the ids, which repeat its long path in
 * every one, would be most of what the sweep holds.
 */
import type { SentinelIncident } from '../../model/sentinelIncident.ts';
import { isDefenderProvider } from '../../mapping/defenderProvider.ts';
import type { LinkRecord } from '../../store/linkRecord.ts';
import { readDefenderSnapshot, readSentinelSnapshot } from '../core/snapshots.ts';

export interface LinkDigest {
  defenderId: string;
  /** Lower-cased incident name: ARM names compare case-insensitively. */
  sentinelKey: string;
  state: string;
  /** Both sides have a snapshot of the current version: the pair was synced. */
  synced: boolean;
  defenderVersion: string | null | undefined;
  sentinelEtag: string | null | undefined;
}

export interface SentinelDigest {
  /** The incident's name (the last segment of its ARM id), as listed. */
  name: string;
  key: string;
  etag: string | null | undefined;
  closed: boolean;
  /** The Defender incident this one was created from, when Defender is its provider. */
  twinOf: string | undefined;
}

export function digestOfLink(link: LinkRecord): LinkDigest {
  const defender = readDefenderSnapshot(link.defenderSnapshot);
  const sentinel = readSentinelSnapshot(link.sentinelSnapshot);
  return {
    defenderId: link.defenderIncidentId,
    sentinelKey: incidentNameOf(link.sentinelIncidentArmId).toLowerCase(),
    state: link.state,
    synced: defender !== undefined && sentinel !== undefined,
    defenderVersion: defender?.lastUpdateDateTime,
    sentinelEtag: sentinel?.etag,
  };
}

export function digestOfSentinel(incident: SentinelIncident): SentinelDigest {
  const { providerName, providerIncidentId, status } = incident.properties;
  const name = incidentNameOf(incident.id);
  return {
    name,
    key: name.toLowerCase(),
    etag: incident.etag,
    closed: status === 'Closed',
    twinOf:
      isDefenderProvider(providerName) && providerIncidentId
        ? String(providerIncidentId)
        : undefined,
  };
}

function incidentNameOf(armId: string): string {
  return armId.slice(armId.lastIndexOf('/') + 1);
}

/**
 * Copies of incidents that a poller listed, carried by the sync job it queued, so the sync
 * need not read again the side whose change brought it. A copy stands in for a read only when
 * it is strictly newer than the state the pair last synced: an older copy (another sync ran
 * since it was listed) would look like an edit and undo that sync. A copy that is newer but no
 * longer current is safe: Sentinel refuses a write under its stale etag (409, read again),
 * the Defender write is guarded by a fresh read, and a side that is not written is stored at
 * the copy's version, so the pollers bring the pair back for whatever came after.
 */
import type { GraphIncident } from '../model/graphIncident.ts';
import type { SentinelIncident } from '../model/sentinelIncident.ts';
import type { LinkRecord } from '../store/linkRecord.ts';
import { readDefenderSnapshot, readSentinelSnapshot } from './core/snapshots.ts';

export interface CarriedCopies {
  defender?: GraphIncident;
  sentinel?: SentinelIncident;
}

/** Keeps the newer copy of each side; on a tie, the one queued last. */
export function mergeCarriedCopies(
  waiting: CarriedCopies | undefined,
  incoming: CarriedCopies | undefined,
): CarriedCopies | undefined {
  if (!waiting) return incoming;
  if (!incoming) return waiting;

  return {
    defender: newer(waiting.defender, incoming.defender, (copy) => copy.lastUpdateDateTime),
    sentinel: newer(
      waiting.sentinel,
      incoming.sentinel,
      (copy) => copy.properties.lastModifiedTimeUtc,
    ),
  };
}

/** The carried copies that may stand in for this sync's first reads of the link's incidents. */
export function usableCopies(link: LinkRecord, copies: CarriedCopies | undefined): CarriedCopies {
  const baseDefender = readDefenderSnapshot(link.defenderSnapshot);
  const baseSentinel = readSentinelSnapshot(link.sentinelSnapshot);
  // A first sync has no synced state to be newer than: it reads both sides.
  if (!copies || !baseDefender || !baseSentinel) return {};

  const defender = copies.defender;
  const sentinel = copies.sentinel;
  const defenderUsable =
    defender !== undefined &&
    String(defender.id) === link.defenderIncidentId &&
    isLater(defender.lastUpdateDateTime, baseDefender.lastUpdateDateTime);
  const sentinelUsable =
    sentinel !== undefined &&
    sentinel.id.toLowerCase() === link.sentinelIncidentArmId.toLowerCase() &&
    sentinel.etag !== baseSentinel.etag &&
    isLater(sentinel.properties.lastModifiedTimeUtc, baseSentinel.lastModifiedTimeUtc);
  return {
    defender: defenderUsable ? defender : undefined,
    sentinel: sentinelUsable ? sentinel : undefined,
  };
}

function newer<T>(
  first: T | undefined,
  second: T | undefined,
  versionOf: (copy: T) => string | null | undefined,
): T | undefined {
  if (!first) return second;
  if (!second) return first;
  return isLater(versionOf(first), versionOf(second)) ? first : second;
}

/**
 * Whether `candidate` is a strictly later time than `than`. The services write up to seven
 * fractional digits, so the fractions are compared as text past the millisecond.
 */
function isLater(candidate: string | null | undefined, than: string | null | undefined): boolean {
  if (!candidate || !than) return false;

  const candidateMs = Date.parse(candidate);
  const thanMs = Date.parse(than);
  if (Number.isNaN(candidateMs) || Number.isNaN(thanMs)) return false;
  if (candidateMs !== thanMs) return candidateMs > thanMs;
  return subMillisecond(candidate) > subMillisecond(than);
}

/** The digits after the millisecond, padded so that they compare as text. */
function subMillisecond(timestamp: string): string {
  const fraction = /\.(\d+)/.exec(timestamp)?.[1] ?? '';
  return fraction.slice(3).padEnd(4, '0');
}

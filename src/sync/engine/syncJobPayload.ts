/**
 * What a sync job carries: which incident to sync (addressed from either side), why, and any
 * updates API consumers asked for, and the incidents as the pollers listed them. Jobs for one
 * pair merge while they wait: reasons add up, updates keep their order (so three updates become
 * one write carrying all three) and the newer copy of each side is kept.
 */
import { mergeCarriedCopies, type CarriedCopies } from '../carriedCopies.ts';
import type { IncidentUpdate } from '../updates/incidentUpdate.ts';

export type SyncTarget =
  | { side: 'sentinel'; incidentArmId: string }
  | { side: 'defender'; tenantId: string; incidentId: string };

export interface SyncJobPayload {
  target: SyncTarget;
  reasons: string[];
  updates: IncidentUpdate[];
  /** Absent from jobs queued before copies were carried, and from those not queued by a poll. */
  copies?: CarriedCopies;
}

const MAX_REASONS = 20;

export function mergeSyncPayloads(queued: unknown, incoming: unknown): SyncJobPayload {
  const waiting = queued as SyncJobPayload;
  const added = incoming as SyncJobPayload;
  const copies = mergeCarriedCopies(waiting.copies, added.copies);
  return {
    target: waiting.target,
    reasons: [...new Set([...waiting.reasons, ...added.reasons])].slice(-MAX_REASONS),
    updates: [...waiting.updates, ...added.updates],
    ...(copies ? { copies } : {}),
  };
}

export function describeTarget(target: SyncTarget): string {
  return target.side === 'sentinel'
    ? target.incidentArmId
    : `defender:${target.tenantId}:${target.incidentId}`;
}

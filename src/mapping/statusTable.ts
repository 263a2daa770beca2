/**
 * Incident status between Graph security v1.0 and Sentinel 2025-09-01
 * (reference: sync-semantics section 6.2).
 *
 * Graph `active` is what Sentinel calls `New` (the native connector's rule), `inProgress` is
 * Sentinel `Active`, and `resolved` is `Closed`. `redirected` (merged into another incident) and
 * `awaitingAction` (set only by Defender Experts) have no Sentinel status of their own, so they
 * travel as a status plus a reserved label. incident-bridge never writes either to Graph.
 */
import { GRAPH_INCIDENT_STATUSES, type GraphIncidentStatus } from '../model/graphIncident.ts';
import { SENTINEL_STATUSES, type SentinelStatus } from '../model/sentinelIncident.ts';
import { matchEnumValue } from './enumValue.ts';

export const REDIRECTED_LABEL = 'redirected';
export const AWAITING_ACTION_LABEL = 'defender:awaitingAction';

export type GraphStatusToSentinel =
  { kind: 'status'; status: SentinelStatus; label?: string } | { kind: 'unknown' };

export function parseGraphStatus(value: unknown): GraphIncidentStatus | undefined {
  return matchEnumValue(value, GRAPH_INCIDENT_STATUSES);
}

export function parseSentinelStatus(value: unknown): SentinelStatus | undefined {
  return matchEnumValue(value, SENTINEL_STATUSES);
}

export function graphStatusToSentinel(status: GraphIncidentStatus): GraphStatusToSentinel {
  switch (status) {
    case 'active':
      return { kind: 'status', status: 'New' };
    case 'inProgress':
      return { kind: 'status', status: 'Active' };
    case 'resolved':
      return { kind: 'status', status: 'Closed' };
    case 'redirected':
      return { kind: 'status', status: 'Closed', label: REDIRECTED_LABEL };
    case 'awaitingAction':
      return { kind: 'status', status: 'Active', label: AWAITING_ACTION_LABEL };
    case 'unknownFutureValue':
      return { kind: 'unknown' };
  }
}

/** The Graph status that mirrors a Sentinel one. Sentinel never produces redirected. */
export function sentinelStatusToGraph(
  status: SentinelStatus,
): 'active' | 'inProgress' | 'resolved' {
  switch (status) {
    case 'New':
      return 'active';
    case 'Active':
      return 'inProgress';
    case 'Closed':
      return 'resolved';
  }
}

/** Statuses incident-bridge may PATCH into Graph. */
export function isWritableGraphStatus(status: GraphIncidentStatus): boolean {
  return status === 'active' || status === 'inProgress' || status === 'resolved';
}

/**
 * The incident being enriched, as read from wherever it could be read: the Sentinel incident
 * with its alerts and entity list, the Defender incident with its alerts' evidence, the
 * entities of the trigger body. Either side may be missing.
 */
import type { GraphAlert } from '../model/graphIncident.ts';
import type { SentinelAlert, SentinelEntity } from '../model/sentinelIncident.ts';
import type { SentinelIncidentView } from '../mapping/sentinelIncidentView.ts';
import type { PairRuntime } from '../sync/pairRegistry.ts';
import type { EnrichmentNote } from './enrichmentNote.ts';

export interface EnrichmentSubject {
  sentinel?: {
    /** Canonical ARM id; '' when the body named no incident. */
    armId: string;
    incidentName: string;
    view: SentinelIncidentView;
    /** Alerts the incident has, by Sentinel's count; null when not known. */
    alertsCount: number | null;
    techniques: string[];
  };
  defender?: {
    tenantId: string;
    incidentId: string;
    title: string;
    description: string;
    /** Whether the incident (with its alerts) was read from Graph rather than a body. */
    readFromGraph: boolean;
  };
  graphAlerts: GraphAlert[];
  sentinelAlerts: SentinelAlert[];
  /** Sentinel's full entity list, when it could be read. */
  sentinelEntities: SentinelEntity[];
  /** True when `sentinelEntities` came from Sentinel's own list, not a body. */
  sentinelListed: boolean;
  triggerEntities: SentinelEntity[];
  /** The pair the incident belongs to; absent for a body of an unconfigured workspace. */
  pair?: PairRuntime;
  entitiesComplete: boolean;
  notes: EnrichmentNote[];
}

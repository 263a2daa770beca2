/**
 * An update an API consumer asked for, already checked and normalised: values are in
 * Sentinel's vocabulary whichever side the consumer addressed, and a close always carries a
 * pair Sentinel accepts. `id` is the caller's Idempotency-Key (or a fresh id), which also
 * names the comment the update writes, so a retried job never posts it twice.
 */
import type { GraphDetermination } from '../../model/graphIncident.ts';
import type {
  SentinelClosePair,
  SentinelSeverity,
  SentinelStatus,
} from '../../model/sentinelIncident.ts';

export interface IncidentUpdate {
  id: string;
  receivedAt: string;
  status?: SentinelStatus;
  closePair?: SentinelClosePair;
  /** A Defender determination the caller gave, kept when it fits the close pair. */
  determination?: GraphDetermination;
  classificationComment?: string;
  /** A UPN or e-mail address; null unassigns. */
  owner?: string | null;
  tagsToAdd: string[];
  tagsToRemove: string[];
  comment?: string;
  severity?: SentinelSeverity;
}

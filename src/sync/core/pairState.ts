/** Everything the merge reads about one pair: both sides now, and both as last synced. */
import type { PairPolicy } from '../../config/config.ts';
import type { SentinelIncidentProperties } from '../../model/sentinelIncident.ts';
import type { DeterminationMemory } from '../../mapping/classificationTable.ts';
import type { DefenderIncidentView } from '../../mapping/defenderIncidentView.ts';
import type { ResolvedOwner } from '../../mapping/ownerMapping.ts';
import type { SentinelIncidentView } from '../../mapping/sentinelIncidentView.ts';
import type { DefenderSnapshot, SentinelSnapshot } from './snapshots.ts';

export interface PairState {
  defender: DefenderIncidentView;
  sentinel: SentinelIncidentView;
  /** The Sentinel properties exactly as read, carried forward whole into the PUT. */
  sentinelProperties: SentinelIncidentProperties;
  baseDefender?: DefenderSnapshot;
  baseSentinel?: SentinelSnapshot;
  memory: DeterminationMemory;
  policy: PairPolicy;
  /**
   * The directory user Defender's assignee resolved to; `null` when a lookup found nobody;
   * undefined when no lookup was made (unassigned, or not a person).
   */
  defenderOwner?: ResolvedOwner | null;
}

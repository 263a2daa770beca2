/** What one sync of one pair did, as callers (API, CLI, playbooks) see it. */
import type { LinkRecord } from '../store/linkRecord.ts';
import type { FieldDecision, FieldDiff, SyncNote } from './core/syncPlan.ts';

export type SyncOutcomeKind = 'written' | 'unchanged' | 'unpaired' | 'planned';

export interface SideOutcome {
  written: boolean;
  changes: FieldDiff[];
}

export interface SyncOutcome {
  outcome: SyncOutcomeKind;
  pairName: string;
  link: LinkRecord | null;
  sentinelIncidentArmId: string;
  defenderTenantId: string;
  defenderIncidentId: string;
  sentinel: SideOutcome;
  defender: SideOutcome;
  decisions: FieldDecision[];
  notes: SyncNote[];
  /** Read-merge-write rounds; more than one means a Sentinel etag conflict was retried. */
  attempts: number;
  auditId: string;
}

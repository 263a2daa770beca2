/** The outcome of merging one incident pair: decisions per field and the writes they call for. */
import type { GraphIncidentPatch } from '../../model/graphIncident.ts';
import type { SentinelIncidentProperties } from '../../model/sentinelIncident.ts';
import type { DeterminationMemory } from '../../mapping/classificationTable.ts';
import type { MappingNote } from '../../mapping/mappingNote.ts';
import type { Side } from './chooseWinner.ts';

export const SYNC_FIELDS = [
  'status',
  'classification',
  'owner',
  'tags',
  'severity',
  'title',
  'description',
] as const;
export type SyncField = (typeof SYNC_FIELDS)[number];

export interface FieldDecision {
  field: SyncField;
  winner: Side | 'none';
  conflict: boolean;
  reason: string;
}

/** One field as it was and as the write leaves it, in the target's own vocabulary. */
export interface FieldDiff {
  field: string;
  before: string;
  after: string;
}

export interface SentinelWrite {
  properties: SentinelIncidentProperties;
  changes: FieldDiff[];
}

export interface DefenderWrite {
  patch: GraphIncidentPatch;
  changes: FieldDiff[];
}

export type SyncNoteCode =
  | MappingNote['code']
  | 'owner_unresolved'
  | 'reopen_blocked'
  | 'redirected_is_final'
  | 'conflict_resolved'
  | 'unpaired'
  | 'late_redelivery'
  | 'comment_cap_reached'
  | 'comment_edit_not_carried';

export interface SyncNote {
  field: string;
  code: SyncNoteCode;
  message: string;
  value: string;
}

export interface SyncPlan {
  decisions: FieldDecision[];
  sentinelWrite?: SentinelWrite;
  defenderWrite?: DefenderWrite;
  memory: DeterminationMemory;
  notes: SyncNote[];
}

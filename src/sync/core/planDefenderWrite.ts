/**
 * Builds the Graph PATCH for the decisions taken: only the writable fields that actually
 * change, with classification and determination always sent together.
 */
import type { GraphIncidentPatch } from '../../model/graphIncident.ts';
import { sentinelClassificationToGraph } from '../../mapping/classificationTable.ts';
import { sameTagSet } from '../../mapping/labelMapping.ts';
import { ownerKeyOfDefender, sentinelOwnerToDefender } from '../../mapping/ownerMapping.ts';
import { sentinelStatusToGraph } from '../../mapping/statusTable.ts';
import { sentinelClosePairOf } from './detectFieldChanges.ts';
import type { PairState } from './pairState.ts';
import type { DefenderWrite, FieldDecision, FieldDiff, SyncField } from './syncPlan.ts';

export interface DefenderWriteInput {
  state: PairState;
  decisions: Record<SyncField, FieldDecision>;
  /** Whether Sentinel's status change may be applied (reopen rules checked by the caller). */
  applyStatus: boolean;
  mergedTags: string[] | undefined;
}

export function planDefenderWrite(input: DefenderWriteInput): DefenderWrite | undefined {
  const { state, decisions } = input;
  const { defender, sentinel } = state;
  const patch: GraphIncidentPatch = {};
  const changes: FieldDiff[] = [];

  if (input.applyStatus && sentinel.status) {
    const status = sentinelStatusToGraph(sentinel.status);
    if (status !== defender.status) {
      patch.status = status;
      changes.push({ field: 'status', before: defender.status, after: status });
    }
  }

  const pair = sentinelClosePairOf(
    sentinel.status,
    sentinel.classification,
    sentinel.classificationReason,
  );
  if (decisions.classification.winner === 'sentinel' && pair) {
    const verdict = sentinelClassificationToGraph(
      pair,
      state.memory,
      state.policy.falsePositiveReason,
    );
    const differs =
      verdict &&
      (verdict.classification !== defender.classification ||
        verdict.determination !== defender.determination);
    if (verdict && differs) {
      patch.classification = verdict.classification;
      patch.determination = verdict.determination;
      changes.push(
        { field: 'classification', before: defender.classification, after: verdict.classification },
        { field: 'determination', before: defender.determination, after: verdict.determination },
      );
    }
  }

  if (decisions.owner.winner === 'sentinel') {
    const { assignedTo } = sentinelOwnerToDefender(sentinel.owner);
    if (ownerKeyOfDefender(assignedTo) !== ownerKeyOfDefender(defender.assignedTo)) {
      patch.assignedTo = assignedTo;
      changes.push({
        field: 'assignedTo',
        before: defender.assignedTo ?? '',
        after: assignedTo ?? '',
      });
    }
  }

  if (input.mergedTags && !sameTagSet(input.mergedTags, defender.customTags)) {
    patch.customTags = input.mergedTags;
    changes.push({
      field: 'customTags',
      before: defender.customTags.join(', '),
      after: input.mergedTags.join(', '),
    });
  }

  return changes.length > 0 ? { patch, changes } : undefined;
}

/**
 * The pure core of a sync: given both sides now and as last synced, decide field by field which
 * side's value stands and plan the writes. No I/O; the engine runs the plan.
 */
import { rememberDetermination } from '../../mapping/classificationTable.ts';
import { syncableLabelNames } from '../../mapping/labelMapping.ts';
import { graphStatusToSentinel } from '../../mapping/statusTable.ts';
import { chooseWinner, type WinnerContext } from './chooseWinner.ts';
import { detectFieldChanges } from './detectFieldChanges.ts';
import { mergeTagSets } from './mergeTagSets.ts';
import type { PairState } from './pairState.ts';
import { planDefenderWrite } from './planDefenderWrite.ts';
import { planSentinelWrite } from './planSentinelWrite.ts';
import {
  SYNC_FIELDS,
  type FieldDecision,
  type SyncField,
  type SyncNote,
  type SyncPlan,
} from './syncPlan.ts';

export function mergeIncidentPair(state: PairState): SyncPlan {
  const notes: SyncNote[] = [];
  const memory = rememberDetermination(
    state.memory,
    state.defender.classification,
    state.defender.determination,
  );
  const withMemory: PairState = { ...state, memory };

  const decisions = decideFields(withMemory);
  const mergedTags = planTags(withMemory, decisions.tags);
  const sentinelStatusApplies = statusMayApply(withMemory, decisions.status, 'defender', notes);
  const defenderStatusApplies = statusMayApply(withMemory, decisions.status, 'sentinel', notes);

  const sentinelWrite = planSentinelWrite({
    state: withMemory,
    decisions,
    applyStatus: sentinelStatusApplies,
    mergedTags,
    notes,
  });
  const defenderWrite =
    state.defender.status === 'redirected'
      ? undefined
      : planDefenderWrite({
          state: withMemory,
          decisions,
          applyStatus: defenderStatusApplies,
          mergedTags,
        });

  notes.push(...readOnlyNotes(decisions));
  if (state.defender.status === 'redirected' && hasSentinelWinner(decisions)) {
    notes.push({
      field: 'status',
      code: 'redirected_is_final',
      message: 'The Defender incident was merged into another; it is never written again.',
      value: state.defender.redirectIncidentId ?? '',
    });
  }

  const patched = defenderWrite?.patch;
  const finalMemory =
    patched?.classification && patched.determination
      ? rememberDetermination(memory, patched.classification, patched.determination)
      : memory;

  return {
    decisions: SYNC_FIELDS.map((field) => decisions[field]),
    ...(sentinelWrite ? { sentinelWrite } : {}),
    ...(defenderWrite ? { defenderWrite } : {}),
    memory: finalMemory,
    notes,
  };
}

function decideFields(state: PairState): Record<SyncField, FieldDecision> {
  const changes = detectFieldChanges(state);
  const context = (field: SyncField): WinnerContext => ({
    policy: state.policy[field],
    tieBreaker: state.policy.tieBreaker,
    clockSkewToleranceMs: state.policy.clockSkewToleranceMs,
    defenderUpdatedAt: state.defender.lastUpdateDateTime,
    sentinelUpdatedAt: state.sentinel.lastModifiedTimeUtc,
    firstSync: !state.baseDefender || !state.baseSentinel,
  });

  const decisions = {} as Record<SyncField, FieldDecision>;
  for (const field of SYNC_FIELDS) {
    decisions[field] = { field, ...chooseWinner(changes[field], context(field)) };
  }
  return decisions;
}

/** Sets merge both ways under `newest`; under any other policy the winner's set stands. */
function planTags(state: PairState, decision: FieldDecision): string[] | undefined {
  if (decision.winner === 'none') return undefined;

  const sentinelTags = syncableLabelNames(state.sentinel.labels);
  if (state.policy.tags !== 'newest') {
    return decision.winner === 'defender' ? state.defender.customTags : sentinelTags;
  }
  return mergeTagSets({
    defender: state.defender.customTags,
    sentinel: sentinelTags,
    baseDefender: state.baseDefender?.customTags,
    baseSentinel: state.baseSentinel && syncableLabelNames(state.baseSentinel.labels),
  }).merged;
}

/** Applies the explicit reopen rules: a closed incident reopens only where the pair allows it. */
function statusMayApply(
  state: PairState,
  decision: FieldDecision,
  winner: 'defender' | 'sentinel',
  notes: SyncNote[],
): boolean {
  if (decision.winner !== winner) return false;

  const { defender, sentinel, policy } = state;
  if (winner === 'defender') {
    const mapped = graphStatusToSentinel(defender.status);
    const reopens =
      sentinel.status === 'Closed' && mapped.kind === 'status' && mapped.status !== 'Closed';
    if (reopens && !policy.reopenFromDefender) {
      notes.push(
        reopenBlocked('Defender reopened the incident; this pair does not reopen Sentinel.'),
      );
      return false;
    }
    return true;
  }

  const reopens = defender.status === 'resolved' && sentinel.status !== 'Closed';
  if (reopens && !policy.reopenFromSentinel) {
    notes.push(
      reopenBlocked('Sentinel reopened the incident; this pair does not reopen Defender.'),
    );
    return false;
  }
  return true;
}

function reopenBlocked(message: string): SyncNote {
  return { field: 'status', code: 'reopen_blocked', message, value: '' };
}

function hasSentinelWinner(decisions: Record<SyncField, FieldDecision>): boolean {
  return SYNC_FIELDS.some((field) => decisions[field].winner === 'sentinel');
}

/** Sentinel edits to fields Graph cannot write are reported, not lost silently. */
function readOnlyNotes(decisions: Record<SyncField, FieldDecision>): SyncNote[] {
  const readOnly: Array<[SyncField, SyncNote['code']]> = [
    ['severity', 'severity_not_writable'],
    ['title', 'title_not_writable'],
    ['description', 'description_not_writable'],
  ];
  return readOnly
    .filter(([field]) => decisions[field].winner === 'sentinel')
    .map(([field, code]) => ({
      field,
      code,
      message: `Sentinel changed ${field}; Graph cannot write it, so it stays Sentinel-only.`,
      value: '',
    }));
}

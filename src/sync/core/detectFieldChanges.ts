/**
 * Without a synced state (a pair's first sync), a side counts as changed only where it holds
 * more than an incident starts with (a status past new, a verdict, an owner): the first sync
 * fills gaps from either side and settles only real disagreements by time, so an assignment
 * made before the pair was ever synced is not undone by a later unrelated Defender change.
 *
 * For each synced field: did Defender change it since the last sync, did Sentinel, and do the
 * two sides already agree? Values are compared in each side's own vocabulary against its own
 * snapshot, and across sides through the mapping tables, so lossy hops never look like edits.
 */
import type { SentinelClosePair } from '../../model/sentinelIncident.ts';
import { graphClassificationToSentinel, isVerdict } from '../../mapping/classificationTable.ts';
import { sameTagSet, syncableLabelNames } from '../../mapping/labelMapping.ts';
import {
  ownerKeyOfDefender,
  ownerKeyOfSentinel,
  type OwnerFields,
} from '../../mapping/ownerMapping.ts';
import { graphSeverityToSentinel } from '../../mapping/severityTable.ts';
import { graphStatusToSentinel } from '../../mapping/statusTable.ts';
import type { FieldChange } from './chooseWinner.ts';
import type { PairState } from './pairState.ts';
import type { SyncField } from './syncPlan.ts';

export function detectFieldChanges(state: PairState): Record<SyncField, FieldChange> {
  return {
    status: statusChange(state),
    classification: classificationChange(state),
    owner: ownerChange(state),
    tags: tagChange(state),
    severity: severityChange(state),
    title: textChange(
      state,
      state.defender.title,
      state.baseDefender?.title,
      state.sentinel.title,
      state.baseSentinel?.title,
    ),
    description: textChange(
      state,
      state.defender.description,
      state.baseDefender?.description,
      state.sentinel.description,
      state.baseSentinel?.description,
    ),
  };
}

function statusChange({ defender, sentinel, baseDefender, baseSentinel }: PairState): FieldChange {
  const mapped = graphStatusToSentinel(defender.status);
  const defenderKnown = mapped.kind === 'status';
  return {
    defenderChanged:
      defenderKnown &&
      (baseDefender ? baseDefender.status !== defender.status : defender.status !== 'active'),
    sentinelChanged:
      sentinel.status !== null &&
      (baseSentinel ? baseSentinel.status !== sentinel.status : sentinel.status !== 'New'),
    alreadyEqual: defenderKnown && mapped.status === sentinel.status,
  };
}

/** A Sentinel verdict exists only on a closed incident; closing counts as choosing one. */
export function sentinelClosePairOf(
  status: string | null,
  classification: SentinelClosePair['classification'] | null,
  classificationReason: SentinelClosePair['classificationReason'],
): SentinelClosePair | null {
  if (status !== 'Closed' || !classification) return null;
  return { classification, classificationReason };
}

export function samePair(a: SentinelClosePair | null, b: SentinelClosePair | null): boolean {
  if (!a || !b) return a === b;
  return (
    a.classification === b.classification &&
    (a.classificationReason ?? null) === (b.classificationReason ?? null)
  );
}

function classificationChange(state: PairState): FieldChange {
  const { defender, sentinel, baseDefender, baseSentinel, policy } = state;
  const current = sentinelClosePairOf(
    sentinel.status,
    sentinel.classification,
    sentinel.classificationReason,
  );
  const base = baseSentinel
    ? sentinelClosePairOf(
        baseSentinel.status,
        baseSentinel.classification,
        baseSentinel.classificationReason,
      )
    : null;
  const defenderPair = graphClassificationToSentinel(
    defender.classification,
    defender.determination,
    policy.falsePositiveReason,
  );

  return {
    defenderChanged: baseDefender
      ? baseDefender.classification !== defender.classification ||
        baseDefender.determination !== defender.determination
      : isVerdict(defender.classification),
    sentinelChanged: current !== null && (!baseSentinel || !samePair(current, base)),
    alreadyEqual: current !== null && samePair(current, defenderPair),
  };
}

/** True when Defender's assignee names the same person as any of Sentinel's owner fields. */
export function ownerMatches(assignedTo: string | null, owner: OwnerFields): boolean {
  const key = ownerKeyOfDefender(assignedTo);
  if (!key) return ownerKeyOfSentinel(owner) === '';
  return [owner.userPrincipalName, owner.email, owner.assignedTo].some(
    (name) => name.trim().toLowerCase() === key,
  );
}

function ownerChange({ defender, sentinel, baseDefender, baseSentinel }: PairState): FieldChange {
  return {
    defenderChanged: baseDefender
      ? ownerKeyOfDefender(baseDefender.assignedTo) !== ownerKeyOfDefender(defender.assignedTo)
      : ownerKeyOfDefender(defender.assignedTo) !== '',
    sentinelChanged: baseSentinel
      ? ownerKeyOfSentinel(baseSentinel.owner) !== ownerKeyOfSentinel(sentinel.owner)
      : ownerKeyOfSentinel(sentinel.owner) !== '',
    alreadyEqual: ownerMatches(defender.assignedTo, sentinel.owner),
  };
}

function tagChange({ defender, sentinel, baseDefender, baseSentinel }: PairState): FieldChange {
  const sentinelTags = syncableLabelNames(sentinel.labels);
  return {
    defenderChanged: !baseDefender || !sameTagSet(baseDefender.customTags, defender.customTags),
    sentinelChanged:
      !baseSentinel || !sameTagSet(syncableLabelNames(baseSentinel.labels), sentinelTags),
    alreadyEqual: sameTagSet(defender.customTags, sentinelTags),
  };
}

function severityChange({
  defender,
  sentinel,
  baseDefender,
  baseSentinel,
}: PairState): FieldChange {
  const mapped = graphSeverityToSentinel(defender.severity);
  return {
    defenderChanged: mapped.exact && (!baseDefender || baseDefender.severity !== defender.severity),
    sentinelChanged:
      sentinel.severity !== null && (!baseSentinel || baseSentinel.severity !== sentinel.severity),
    alreadyEqual: mapped.severity === sentinel.severity,
  };
}

/** Title and description: an empty Defender value is never an edit (BR-01: it is often missing). */
function textChange(
  state: PairState,
  defenderValue: string,
  baseDefenderValue: string | undefined,
  sentinelValue: string,
  baseSentinelValue: string | undefined,
): FieldChange {
  return {
    defenderChanged:
      defenderValue !== '' && (!state.baseDefender || baseDefenderValue !== defenderValue),
    sentinelChanged: !state.baseSentinel || baseSentinelValue !== sentinelValue,
    alreadyEqual: defenderValue === sentinelValue,
  };
}

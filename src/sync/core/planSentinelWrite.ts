/**
 * Builds the full Sentinel PUT body for the decisions taken: the properties as read, with the
 * winning Defender values laid over them. Starting from the read state is what keeps owner,
 * labels and classification intact when only one field changes (BR-09).
 */
import {
  SENTINEL_LIMITS,
  type SentinelIncidentProperties,
  type SentinelLabel,
} from '../../model/sentinelIncident.ts';
import { graphClassificationToSentinel } from '../../mapping/classificationTable.ts';
import {
  isReservedLabel,
  sameTagSet,
  syncableLabelNames,
  systemTagLabel,
  tagKey,
  SYSTEM_TAG_LABEL_PREFIX,
} from '../../mapping/labelMapping.ts';
import { defenderOwnerToSentinel } from '../../mapping/ownerMapping.ts';
import { graphSeverityToSentinel } from '../../mapping/severityTable.ts';
import {
  AWAITING_ACTION_LABEL,
  graphStatusToSentinel,
  REDIRECTED_LABEL,
} from '../../mapping/statusTable.ts';
import { truncateText } from '../../mapping/truncateText.ts';
import type { PairState } from './pairState.ts';
import type { FieldDecision, FieldDiff, SentinelWrite, SyncField, SyncNote } from './syncPlan.ts';

export interface SentinelWriteInput {
  state: PairState;
  decisions: Record<SyncField, FieldDecision>;
  /** Whether Defender's status change may be applied (reopen rules checked by the caller). */
  applyStatus: boolean;
  mergedTags: string[] | undefined;
  notes: SyncNote[];
}

export function planSentinelWrite(input: SentinelWriteInput): SentinelWrite | undefined {
  const { state, decisions } = input;
  const { defender, sentinel } = state;
  const target: SentinelIncidentProperties = structuredClone(state.sentinelProperties);
  const wasClosed = sentinel.status === 'Closed';

  const mappedStatus = graphStatusToSentinel(defender.status);
  if (input.applyStatus && mappedStatus.kind === 'status') target.status = mappedStatus.status;
  const closingNow = target.status === 'Closed' && !wasClosed;

  if (target.status === 'Closed') {
    if (closingNow || decisions.classification.winner === 'defender' || !sentinel.classification) {
      const pair =
        defender.status === 'redirected'
          ? { classification: 'Undetermined' as const, classificationReason: null }
          : graphClassificationToSentinel(
              defender.classification,
              defender.determination,
              state.policy.falsePositiveReason,
            );
      target.classification = pair.classification;
      target.classificationReason = pair.classificationReason;
    }
    if (closingNow && defender.status === 'redirected') {
      target.classificationComment = `Merged into Defender incident ${defender.redirectIncidentId ?? ''}.`;
    }
  } else if (wasClosed) {
    // A reopened incident carries no verdict: Sentinel shows a stale one as if still decided.
    target.classification = null;
    target.classificationReason = null;
    target.classificationComment = null;
  }

  if (decisions.owner.winner === 'defender') applyOwner(target, input);
  target.labels = planLabels(input);

  const severity = graphSeverityToSentinel(defender.severity);
  if (decisions.severity.winner === 'defender' && severity.exact)
    target.severity = severity.severity;
  if (decisions.title.winner === 'defender' && defender.title) target.title = defender.title;
  if (decisions.description.winner === 'defender' && defender.description) {
    target.description = truncateText(defender.description, SENTINEL_LIMITS.descriptionMaxChars);
  }

  const changes = diffSentinel(state.sentinelProperties, target);
  return changes.length > 0 ? { properties: target, changes } : undefined;
}

function applyOwner(target: SentinelIncidentProperties, input: SentinelWriteInput): void {
  const { defender, defenderOwner } = input.state;
  if (!defender.assignedTo) {
    target.owner = null;
    return;
  }

  if (defenderOwner === null) {
    // BR-17: never write a half-filled owner; leave the current one and say why.
    input.notes.push({
      field: 'owner',
      code: 'owner_unresolved',
      message: 'Defender assignee not found in the directory; Sentinel owner left as it is.',
      value: defender.assignedTo,
    });
    return;
  }

  const { owner } = defenderOwnerToSentinel(defender.assignedTo, defenderOwner);
  target.owner = {
    objectId: owner.objectId || null,
    email: owner.email || null,
    assignedTo: owner.assignedTo || null,
    userPrincipalName: owner.userPrincipalName || null,
  };
}

/**
 * Labels: the synced tag set, plus the labels incident-bridge derives from Defender (status
 * markers, `sys:` copies of system tags), plus automatic labels, which Sentinel owns.
 */
function planLabels(input: SentinelWriteInput): SentinelLabel[] {
  const { defender, sentinel, policy } = input.state;
  const current = sentinel.labels;

  const tags = input.mergedTags ?? syncableLabelNames(current);
  const automatic = current.filter((label) => label.labelType === 'AutoAssigned');
  const reserved = new Map<string, string>();

  for (const label of current) {
    if (isReservedLabel(label.labelName) && label.labelType !== 'AutoAssigned') {
      reserved.set(tagKey(label.labelName), label.labelName);
    }
  }
  if (policy.status !== 'off') {
    toggle(
      reserved,
      REDIRECTED_LABEL,
      defender.status === 'redirected' || reserved.has(tagKey(REDIRECTED_LABEL)),
    );
    toggle(reserved, AWAITING_ACTION_LABEL, defender.status === 'awaitingAction');
  }
  if (policy.copySystemTags) {
    for (const key of [...reserved.keys()]) {
      if (key.startsWith(SYSTEM_TAG_LABEL_PREFIX)) reserved.delete(key);
    }
    for (const systemTag of defender.systemTags) toggle(reserved, systemTagLabel(systemTag), true);
  }

  const names = [...tags, ...reserved.values()];
  const planned = names.map((labelName) => ({ labelName, labelType: 'User' }));
  return [
    ...planned,
    ...automatic.map((label) => ({ labelName: label.labelName, labelType: label.labelType })),
  ];
}

function toggle(labels: Map<string, string>, name: string, present: boolean): void {
  if (present) labels.set(tagKey(name), labels.get(tagKey(name)) ?? name);
  else labels.delete(tagKey(name));
}

function diffSentinel(
  before: SentinelIncidentProperties,
  after: SentinelIncidentProperties,
): FieldDiff[] {
  const changes: FieldDiff[] = [];
  const scalar = (field: keyof SentinelIncidentProperties): void => {
    const from = String(before[field] ?? '');
    const to = String(after[field] ?? '');
    if (from !== to) changes.push({ field, before: from, after: to });
  };

  for (const field of [
    'status',
    'classification',
    'classificationReason',
    'classificationComment',
  ] as const) {
    scalar(field);
  }
  const ownerBefore = ownerText(before);
  const ownerAfter = ownerText(after);
  if (ownerBefore !== ownerAfter)
    changes.push({ field: 'owner', before: ownerBefore, after: ownerAfter });

  const labelsBefore = (before.labels ?? []).map((label) => label.labelName);
  const labelsAfter = (after.labels ?? []).map((label) => label.labelName);
  if (!sameTagSet(labelsBefore, labelsAfter)) {
    changes.push({
      field: 'labels',
      before: labelsBefore.join(', '),
      after: labelsAfter.join(', '),
    });
  }
  for (const field of ['severity', 'title', 'description'] as const) scalar(field);
  return changes;
}

function ownerText(properties: SentinelIncidentProperties): string {
  const owner = properties.owner;
  return (
    owner?.userPrincipalName ||
    owner?.email ||
    owner?.assignedTo ||
    owner?.objectId ||
    ''
  ).toString();
}

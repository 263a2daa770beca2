/**
 * A write whose answer was lost, or whose process died before the outcome was stored, may
 * still have taken effect. The next sync would then see our own value on that side and take it
 * for a person's edit, and could undo a newer change on the other side with it.
 *
 * So before writing, the sync records the state both sides would be left in (`PendingWrite`).
 * Next time, every field the write meant to change that now holds exactly the written value
 * is treated as synced at that point: its last synced state becomes the written state on both
 * sides. Fields that do not match (the write did not land, or someone changed them since) keep
 * the previous synced state.
 *
 * A first sync has no previous synced state, so there the written state counts only when
 * each side shows its write landed, through one field or one tag that still holds it.
 */
import { sameTagSet, syncableLabelNames, tagKey } from '../../mapping/labelMapping.ts';
import { ownerKeyOfDefender, ownerKeyOfSentinel } from '../../mapping/ownerMapping.ts';
import { settleLandedTags, type TagsRead } from './landedTags.ts';
import type { PairState } from './pairState.ts';
import type { DefenderSnapshot, SentinelSnapshot } from './snapshots.ts';
import { readDefenderSnapshot, readSentinelSnapshot, SNAPSHOT_VERSION } from './snapshots.ts';
import type { SyncField } from './syncPlan.ts';

export interface PendingWrite {
  v: typeof SNAPSHOT_VERSION;
  defenderAfter: DefenderSnapshot;
  sentinelAfter: SentinelSnapshot;
  /** Fields the Sentinel write changes, and those the Defender write changes. */
  sentinelFields: SyncField[];
  defenderFields: SyncField[];
  /** The tag lists the write was planned from, so tags can settle one by one. */
  tagsRead?: TagsRead;
  /** On a first sync, the state built from an earlier landed write that this one was planned on. */
  firstSyncBase?: { defender: DefenderSnapshot; sentinel: SentinelSnapshot };
}

export function readPendingWrite(stored: unknown): PendingWrite | undefined {
  const pending = stored as Partial<PendingWrite> | null | undefined;
  if (!pending || pending.v !== SNAPSHOT_VERSION) return undefined;
  if (!readDefenderSnapshot(pending.defenderAfter) || !readSentinelSnapshot(pending.sentinelAfter))
    return undefined;
  return pending as PendingWrite;
}

export function applyLandedWrites(state: PairState, pending: PendingWrite | undefined): PairState {
  if (!pending) return state;

  const sentinelLanded = pending.sentinelFields.filter((field) =>
    sentinelHolds(field, state, pending.sentinelAfter),
  );
  const defenderLanded = pending.defenderFields.filter((field) =>
    defenderHolds(field, state, pending.defenderAfter),
  );
  if (!state.baseDefender || !state.baseSentinel) {
    return withFirstSyncBase(state, pending, sentinelLanded, defenderLanded);
  }

  const landed = new Set<SyncField>([...sentinelLanded, ...defenderLanded]);
  const settlesTags = pending.tagsRead !== undefined && writesTags(pending);
  if (landed.size === 0 && !settlesTags) return state;

  const baseDefender = structuredClone(state.baseDefender);
  const baseSentinel = structuredClone(state.baseSentinel);
  for (const field of landed) {
    if (field === 'tags' && settlesTags) continue;
    copyDefender(field, pending.defenderAfter, baseDefender);
    copySentinel(field, pending.sentinelAfter, baseSentinel);
  }
  if (settlesTags && pending.tagsRead) {
    const input = {
      now: { defender: state.defender, sentinel: state.sentinel },
      read: pending.tagsRead,
      after: { defender: pending.defenderAfter, sentinel: pending.sentinelAfter },
      writtenOn: {
        defender: pending.defenderFields.includes('tags'),
        sentinel: pending.sentinelFields.includes('tags'),
      },
    };
    settleLandedTags(input, baseDefender, baseSentinel);
  }
  return { ...state, baseDefender, baseSentinel };
}

/**
 * A first sync has no earlier synced state to fall back on, so it builds one from the write:
 * a Sentinel PUT and a Graph PATCH each land whole, so one side showing any field (or tag) of
 * its write shows all of that write landed. Where both writes landed, the written state is the
 * synced state. Where one did not, the fields it was to change are judged as a first sync
 * judges them, against an incident as it starts (new, no verdict, no owner), so only what a
 * person set counts as a change; and tags count from the list that side was read with, so a
 * tag removed on either side since is removed, not restored.
 */
function withFirstSyncBase(
  state: PairState,
  pending: PendingWrite,
  sentinelLanded: SyncField[],
  defenderLanded: SyncField[],
): PairState {
  const sentinelShows = sentinelLanded.length > 0 || tagWriteShows('sentinel', state, pending);
  const defenderShows = defenderLanded.length > 0 || tagWriteShows('defender', state, pending);
  if (!sentinelShows && !defenderShows) {
    // Nothing of this write landed: the sides are still as it found them, judged then against
    // the state an earlier landed write left, if there was one.
    const earlier = pending.firstSyncBase;
    const usable =
      earlier && readDefenderSnapshot(earlier.defender) && readSentinelSnapshot(earlier.sentinel);
    return earlier && usable
      ? {
          ...state,
          baseDefender: structuredClone(earlier.defender),
          baseSentinel: structuredClone(earlier.sentinel),
        }
      : state;
  }

  const baseDefender = structuredClone(pending.defenderAfter);
  const baseSentinel = structuredClone(pending.sentinelAfter);
  const unlanded = [
    ...(sentinelShows ? [] : pending.sentinelFields),
    ...(defenderShows ? [] : pending.defenderFields),
  ];
  const startDefender = pristineDefender(baseDefender);
  const startSentinel = pristineSentinel(baseSentinel);
  for (const field of unlanded) {
    if (field === 'tags') continue;
    copyDefender(field, startDefender, baseDefender);
    copySentinel(field, startSentinel, baseSentinel);
  }

  if (!unlanded.includes('tags')) return { ...state, baseDefender, baseSentinel };
  if (pending.tagsRead) {
    // The side whose write did not land still holds the tags it was read with; the other holds
    // those plus what the write added. Counting both from the first, what the other side had
    // is carried over and what was removed on either side stays removed.
    const unchanged = defenderShows ? pending.tagsRead.sentinel : pending.tagsRead.defender;
    baseDefender.customTags = [...unchanged];
    baseSentinel.labels = unchanged.map((labelName) => ({ labelName, labelType: 'User' }));
  } else {
    // Without the lists the write was planned from, tags merge as on a first sync: a union.
    baseDefender.customTags = [];
    baseSentinel.labels = [];
  }
  return { ...state, baseDefender, baseSentinel };
}

/** The Defender incident as it starts, on the ids and versions of `snapshot`. */
function pristineDefender(snapshot: DefenderSnapshot): DefenderSnapshot {
  return {
    ...structuredClone(snapshot),
    status: 'active',
    classification: 'unknown',
    determination: 'unknown',
    assignedTo: null,
    customTags: [],
    severity: 'unknown',
    title: '',
    description: '',
  };
}

function pristineSentinel(snapshot: SentinelSnapshot): SentinelSnapshot {
  return {
    ...structuredClone(snapshot),
    status: 'New',
    classification: null,
    classificationReason: null,
    owner: { objectId: '', email: '', assignedTo: '', userPrincipalName: '', ownerType: '' },
    labels: [],
    severity: null,
    title: '',
    description: '',
  };
}

/**
 * Whether one side shows that the write to it landed through its tags. A Sentinel PUT and a
 * Graph PATCH land whole, so a single tag the write added or removed that still has the written
 * membership is enough: a person may have changed the other tags, and the other fields, since.
 */
function tagWriteShows(
  side: 'defender' | 'sentinel',
  state: PairState,
  pending: PendingWrite,
): boolean {
  const fields = side === 'defender' ? pending.defenderFields : pending.sentinelFields;
  if (!pending.tagsRead || !fields.includes('tags')) return false;

  const keys = (tags: string[]) => new Set(tags.map(tagKey));
  const read = keys(pending.tagsRead[side]);
  const after = keys(
    side === 'defender'
      ? pending.defenderAfter.customTags
      : syncableLabelNames(pending.sentinelAfter.labels),
  );
  const now = keys(
    side === 'defender' ? state.defender.customTags : syncableLabelNames(state.sentinel.labels),
  );
  return [...new Set([...read, ...after])].some(
    (key) => read.has(key) !== after.has(key) && now.has(key) === after.has(key),
  );
}

function writesTags(pending: PendingWrite): boolean {
  return pending.defenderFields.includes('tags') || pending.sentinelFields.includes('tags');
}

function sentinelHolds(field: SyncField, state: PairState, after: SentinelSnapshot): boolean {
  const now = state.sentinel;
  switch (field) {
    case 'status':
      return now.status === after.status;
    case 'classification':
      return (
        now.classification === after.classification &&
        now.classificationReason === after.classificationReason
      );
    case 'owner':
      return ownerKeyOfSentinel(now.owner) === ownerKeyOfSentinel(after.owner);
    case 'tags':
      return sameTagSet(syncableLabelNames(now.labels), syncableLabelNames(after.labels));
    case 'severity':
      return now.severity === after.severity;
    case 'title':
      return now.title === after.title;
    case 'description':
      return now.description === after.description;
  }
}

function defenderHolds(field: SyncField, state: PairState, after: DefenderSnapshot): boolean {
  const now = state.defender;
  switch (field) {
    case 'status':
      return now.status === after.status;
    case 'classification':
      return (
        now.classification === after.classification && now.determination === after.determination
      );
    case 'owner':
      return ownerKeyOfDefender(now.assignedTo) === ownerKeyOfDefender(after.assignedTo);
    case 'tags':
      return sameTagSet(now.customTags, after.customTags);
    case 'severity':
    case 'title':
    case 'description':
      return false;
  }
}

function copyDefender(field: SyncField, from: DefenderSnapshot, to: DefenderSnapshot): void {
  switch (field) {
    case 'status':
      to.status = from.status;
      return;
    case 'classification':
      to.classification = from.classification;
      to.determination = from.determination;
      return;
    case 'owner':
      to.assignedTo = from.assignedTo;
      return;
    case 'tags':
      to.customTags = [...from.customTags];
      return;
    case 'severity':
      to.severity = from.severity;
      return;
    case 'title':
      to.title = from.title;
      return;
    case 'description':
      to.description = from.description;
  }
}

function copySentinel(field: SyncField, from: SentinelSnapshot, to: SentinelSnapshot): void {
  switch (field) {
    case 'status':
      to.status = from.status;
      return;
    case 'classification':
      to.classification = from.classification;
      to.classificationReason = from.classificationReason;
      return;
    case 'owner':
      to.owner = { ...from.owner };
      return;
    case 'tags':
      to.labels = from.labels.map((label) => ({ ...label }));
      return;
    case 'severity':
      to.severity = from.severity;
      return;
    case 'title':
      to.title = from.title;
      return;
    case 'description':
      to.description = from.description;
  }
}

/** The synced fields a write touches, from the names its changes use on each side. */
export function fieldsOfChanges(changes: Array<{ field: string }>): SyncField[] {
  const byName: Record<string, SyncField> = {
    status: 'status',
    classification: 'classification',
    classificationReason: 'classification',
    determination: 'classification',
    owner: 'owner',
    assignedTo: 'owner',
    labels: 'tags',
    customTags: 'tags',
    severity: 'severity',
    title: 'title',
    description: 'description',
  };
  return [
    ...new Set(
      changes.flatMap((change) =>
        byName[change.field] ? [byName[change.field] as SyncField] : [],
      ),
    ),
  ];
}

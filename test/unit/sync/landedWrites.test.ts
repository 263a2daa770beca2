import { describe, expect, it } from 'vitest';
import { applyLandedWrites, type PendingWrite } from '../../../src/sync/core/landedWrites.ts';
import { mergeIncidentPair } from '../../../src/sync/core/mergeIncidentPair.ts';
import { SNAPSHOT_VERSION } from '../../../src/sync/core/snapshots.ts';
import { syncedThenEdited } from '../../support/pairStates.ts';

describe('writes whose outcome was never recorded', () => {
  it('a Sentinel closure whose answer was lost does not undo a later Defender reopen', () => {
    // Synced while open; then Defender resolved, we closed Sentinel, the answer was lost;
    // then Defender reopened. Sentinel now shows our closure, Defender is open again.
    const state = syncedThenEdited({
      sentinel: {
        status: 'Closed',
        classification: 'TruePositive',
        classificationReason: 'SuspiciousActivity',
      },
    });
    const pending: PendingWrite = {
      v: SNAPSHOT_VERSION,
      defenderAfter: { ...state.baseDefender!, status: 'resolved', classification: 'truePositive' },
      sentinelAfter: {
        ...state.baseSentinel!,
        status: 'Closed',
        classification: 'TruePositive',
        classificationReason: 'SuspiciousActivity',
      },
      sentinelFields: ['status', 'classification'],
      defenderFields: [],
    };

    const withoutLedger = mergeIncidentPair(state);
    expect(withoutLedger.defenderWrite?.patch.status).toBe('resolved');

    const plan = mergeIncidentPair(applyLandedWrites(state, pending));
    expect(plan.defenderWrite).toBeUndefined();
    expect(plan.sentinelWrite?.properties.status).toBe('Active');
  });

  it('ignores a pending write that did not land', () => {
    const state = syncedThenEdited({
      sentinel: { owner: { userPrincipalName: 'someone@fabrikam-soc.example' } },
    });
    const pending: PendingWrite = {
      v: SNAPSHOT_VERSION,
      defenderAfter: state.baseDefender!,
      sentinelAfter: { ...state.baseSentinel!, status: 'Closed' },
      sentinelFields: ['status'],
      defenderFields: [],
    };
    expect(applyLandedWrites(state, pending)).toEqual(state);
  });
});

describe('a first sync killed half way', () => {
  it('keeps a Sentinel tag when the Defender write carrying it never landed', () => {
    const state = syncedThenEdited({
      defender: { customTags: [] },
      sentinel: { labels: [{ labelName: 's-3' }] },
    });
    const first = { ...state, baseDefender: undefined, baseSentinel: undefined };
    const pending: PendingWrite = {
      v: SNAPSHOT_VERSION,
      defenderAfter: { ...state.baseDefender!, customTags: ['s-3'] },
      sentinelAfter: { ...state.baseSentinel!, labels: [{ labelName: 's-3', labelType: 'User' }] },
      sentinelFields: ['status'],
      defenderFields: ['tags'],
    };

    const plan = mergeIncidentPair(applyLandedWrites(first, pending));
    expect(plan.defenderWrite?.patch.customTags).toEqual(['s-3']);
  });
});

describe('a first sync whose writes landed before the process died', () => {
  const label = (labelName: string) => ({ labelName, labelType: 'User' });

  it('keeps a Sentinel label removed after both writes landed unrecorded', () => {
    // First sync: Defender had d-0, Sentinel s-2 and s-0; both writes landed (each side got the
    // union) but the process died before storing it. Then an analyst removed s-0 in Sentinel.
    const state = syncedThenEdited({
      defender: { customTags: ['d-0', 's-2', 's-0'] },
      sentinel: { labels: [label('d-0'), label('s-2')] },
    });
    const first = { ...state, baseDefender: undefined, baseSentinel: undefined };
    const union = ['d-0', 's-2', 's-0'];
    const pending: PendingWrite = {
      v: SNAPSHOT_VERSION,
      defenderAfter: { ...state.baseDefender!, customTags: union },
      sentinelAfter: { ...state.baseSentinel!, labels: union.map(label) },
      sentinelFields: ['tags'],
      defenderFields: ['tags'],
      tagsRead: { defender: ['d-0'], sentinel: ['s-2', 's-0'] },
    };

    const plan = mergeIncidentPair(applyLandedWrites(first, pending));

    expect(plan.defenderWrite?.patch.customTags?.slice().sort()).toEqual(['d-0', 's-2']);
    const labels = plan.sentinelWrite?.properties.labels?.map((l) => l.labelName) ?? [];
    expect(labels).not.toContain('s-0');
  });

  it('keeps a Defender tag removal made after only the Sentinel write landed', () => {
    // First sync: Defender d-1, Sentinel s-0; the union went to Sentinel, then Defender moved
    // on (the analyst removed d-1) so the guarded Defender write did not go out.
    const state = syncedThenEdited({
      defender: { customTags: [] },
      sentinel: { labels: [label('d-1'), label('s-0')] },
    });
    const first = { ...state, baseDefender: undefined, baseSentinel: undefined };
    const union = ['d-1', 's-0'];
    const pending: PendingWrite = {
      v: SNAPSHOT_VERSION,
      defenderAfter: { ...state.baseDefender!, customTags: union },
      sentinelAfter: { ...state.baseSentinel!, labels: union.map(label) },
      sentinelFields: ['tags'],
      defenderFields: ['tags'],
      tagsRead: { defender: ['d-1'], sentinel: ['s-0'] },
    };

    const plan = mergeIncidentPair(applyLandedWrites(first, pending));

    expect(plan.defenderWrite?.patch.customTags).toEqual(['s-0']);
    const labels = plan.sentinelWrite?.properties.labels?.map((l) => l.labelName);
    expect(labels?.filter((name) => !name.startsWith('sys:'))).toEqual(['s-0']);
  });

  it('keeps the removal when the write planned on an earlier landed write did not land', () => {
    // The first write put d-3 on Sentinel and was found landed; the sync then planned the
    // removal an analyst made in Defender, and the process died before that write went out.
    const state = syncedThenEdited({
      defender: { customTags: [] },
      sentinel: { labels: [label('d-3'), label('s-0')] },
    });
    const first = { ...state, baseDefender: undefined, baseSentinel: undefined };
    const pending: PendingWrite = {
      v: SNAPSHOT_VERSION,
      defenderAfter: { ...state.baseDefender!, customTags: ['s-0'] },
      sentinelAfter: { ...state.baseSentinel!, labels: [label('s-0')] },
      sentinelFields: ['tags'],
      defenderFields: ['tags'],
      tagsRead: { defender: [], sentinel: ['d-3', 's-0'] },
      firstSyncBase: {
        defender: { ...state.baseDefender!, customTags: ['d-3'] },
        sentinel: { ...state.baseSentinel!, labels: [label('d-3')] },
      },
    };

    const plan = mergeIncidentPair(applyLandedWrites(first, pending));

    expect(plan.defenderWrite?.patch.customTags).toEqual(['s-0']);
    const labels = plan.sentinelWrite?.properties.labels?.map((l) => l.labelName);
    expect(labels?.filter((name) => !name.startsWith('sys:'))).toEqual(['s-0']);
  });

  it('still merges as a first sync when the Sentinel write shows no sign of landing', () => {
    // The same first sync, but the process died before the Sentinel PUT went out.
    const state = syncedThenEdited({
      defender: { customTags: ['d-0', 's-2', 's-0'] },
      sentinel: { labels: [label('s-2'), label('s-0')] },
    });
    const first = { ...state, baseDefender: undefined, baseSentinel: undefined };
    const union = ['d-0', 's-2', 's-0'];
    const pending: PendingWrite = {
      v: SNAPSHOT_VERSION,
      defenderAfter: { ...state.baseDefender!, customTags: union },
      sentinelAfter: { ...state.baseSentinel!, labels: union.map(label) },
      sentinelFields: ['tags'],
      defenderFields: ['tags'],
      tagsRead: { defender: ['d-0'], sentinel: ['s-2', 's-0'] },
    };

    const plan = mergeIncidentPair(applyLandedWrites(first, pending));

    const labels = (plan.sentinelWrite?.properties.labels ?? []).map((l) => l.labelName);
    expect(labels.filter((name) => !name.startsWith('sys:')).sort()).toEqual(['d-0', 's-0', 's-2']);
  });
});

describe('a first sync of which only the Sentinel write landed', () => {
  it('does not undo a Defender status change made after that write', () => {
    // First sync: Defender inProgress, Sentinel New and owned by an analyst. The sync set
    // Sentinel Active, the answer was lost and the Defender owner write never went out; then
    // Defender went back to active. Sentinel's Active is the sync's own write, not an edit.
    const owner = { objectId: '', email: '', assignedTo: '', ownerType: '' };
    const analyst = { ...owner, userPrincipalName: 'analyst8@chaos.example' };
    const state = syncedThenEdited({
      defender: { status: 'active', assignedTo: null },
      sentinel: { status: 'Active', owner: analyst },
    });
    const first = { ...state, baseDefender: undefined, baseSentinel: undefined };
    const pending: PendingWrite = {
      v: SNAPSHOT_VERSION,
      defenderAfter: {
        ...state.baseDefender!,
        status: 'inProgress',
        assignedTo: 'analyst8@chaos.example',
      },
      sentinelAfter: { ...state.baseSentinel!, status: 'Active', owner: analyst },
      sentinelFields: ['status'],
      defenderFields: ['owner'],
    };

    const plan = mergeIncidentPair(applyLandedWrites(first, pending));

    expect(plan.sentinelWrite?.properties.status).toBe('New');
    expect(plan.defenderWrite?.patch.status).toBeUndefined();
    expect(plan.defenderWrite?.patch.assignedTo).toBe('analyst8@chaos.example');
  });
});

describe('tags after a write whose answer was lost', () => {
  const label = (labelName: string) => ({ labelName, labelType: 'User' });
  const userLabels = (labels: Array<{ labelName: string }> | null | undefined) =>
    (labels ?? []).map((l) => l.labelName).filter((name) => !name.startsWith('sys:'));

  /** Synced with d-4 and s-4 on both sides, then edited to the given lists. */
  function syncedWithBothTags(defenderTags: string[], sentinelLabels: string[]) {
    const state = syncedThenEdited({
      defender: { customTags: defenderTags },
      sentinel: { labels: sentinelLabels.map(label) },
    });
    state.baseDefender!.customTags = ['d-4', 's-4'];
    state.baseSentinel!.labels = [label('d-4'), label('s-4')];
    return state;
  }

  it('keeps a Sentinel label re-added after its removal reached Defender unrecorded', () => {
    // Sentinel removed s-4; the sync took it off Defender, the answer was lost; then Defender
    // gained d-2 and Sentinel got s-4 back. The removal did land, so s-4 is a new addition.
    const state = syncedWithBothTags(['d-4', 'd-2'], ['d-4', 's-4']);
    const pending: PendingWrite = {
      v: SNAPSHOT_VERSION,
      defenderAfter: { ...state.baseDefender!, customTags: ['d-4'] },
      sentinelAfter: { ...state.baseSentinel!, labels: [label('d-4')] },
      sentinelFields: [],
      defenderFields: ['tags'],
      tagsRead: { defender: ['d-4', 's-4'], sentinel: ['d-4'] },
    };

    const withoutSettling = mergeIncidentPair(
      applyLandedWrites(state, { ...pending, tagsRead: undefined }),
    );
    expect(userLabels(withoutSettling.sentinelWrite?.properties.labels)).toEqual(['d-4', 'd-2']);

    const plan = mergeIncidentPair(applyLandedWrites(state, pending));
    expect(plan.defenderWrite?.patch.customTags?.slice().sort()).toEqual(['d-2', 'd-4', 's-4']);
    const labels = userLabels(plan.sentinelWrite?.properties.labels).sort();
    expect(labels).toEqual(['d-2', 'd-4', 's-4']);
  });

  it('still spreads a tag change whose write did not land', () => {
    // Sentinel removed s-4; the Defender write carrying the removal never landed.
    const state = syncedWithBothTags(['d-4', 's-4', 'd-2'], ['d-4']);
    const pending: PendingWrite = {
      v: SNAPSHOT_VERSION,
      defenderAfter: { ...state.baseDefender!, customTags: ['d-4'] },
      sentinelAfter: { ...state.baseSentinel!, labels: [label('d-4')] },
      sentinelFields: [],
      defenderFields: ['tags'],
      tagsRead: { defender: ['d-4', 's-4'], sentinel: ['d-4'] },
    };

    const plan = mergeIncidentPair(applyLandedWrites(state, pending));
    expect(plan.defenderWrite?.patch.customTags?.slice().sort()).toEqual(['d-2', 'd-4']);
    expect(userLabels(plan.sentinelWrite?.properties.labels).sort()).toEqual(['d-2', 'd-4']);
  });
});

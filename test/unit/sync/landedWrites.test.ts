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

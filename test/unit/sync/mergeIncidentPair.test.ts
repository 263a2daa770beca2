import { describe, expect, it } from 'vitest';
import { mergeIncidentPair } from '../../../src/sync/core/mergeIncidentPair.ts';
import { syncedThenEdited } from '../../support/pairStates.ts';

describe('merging a pair that was in sync', () => {
  it('writes nothing when neither side changed (no echo)', () => {
    const plan = mergeIncidentPair(syncedThenEdited({}));
    expect(plan.sentinelWrite).toBeUndefined();
    expect(plan.defenderWrite).toBeUndefined();
    expect(plan.decisions.every((decision) => decision.winner === 'none')).toBe(true);
  });

  it('closes Sentinel with the right pair when Defender resolves as a false positive', () => {
    const plan = mergeIncidentPair(
      syncedThenEdited({
        defender: {
          status: 'resolved',
          classification: 'falsePositive',
          determination: 'notMalicious',
        },
      }),
    );
    expect(plan.defenderWrite).toBeUndefined();
    expect(plan.sentinelWrite?.properties).toMatchObject({
      status: 'Closed',
      classification: 'FalsePositive',
      classificationReason: 'IncorrectAlertLogic',
    });
  });

  it('keeps owner, labels and description on a severity-only change (BR-09)', () => {
    const state = syncedThenEdited({ defender: { severity: 'low' } });
    const plan = mergeIncidentPair(state);
    const written = plan.sentinelWrite?.properties;
    expect(written?.severity).toBe('Low');
    expect(written?.owner).toEqual(state.sentinelProperties.owner);
    expect(written?.labels?.map((label) => label.labelName)).toEqual([
      'finance',
      'Tier1',
      'sys:Defender Experts',
    ]);
    expect(plan.sentinelWrite?.changes).toEqual([
      { field: 'severity', before: 'High', after: 'Low' },
    ]);
  });

  it('carries a Sentinel owner and label change to Defender as one PATCH', () => {
    const plan = mergeIncidentPair(
      syncedThenEdited({
        sentinel: {
          owner: {
            objectId: 'o2',
            userPrincipalName: 'ana.ruiz@fabrikam-soc.example',
            email: 'ana.ruiz@fabrikam-soc.example',
          },
          labels: [
            { labelName: 'finance', labelType: 'User' },
            { labelName: 'Tier1', labelType: 'User' },
            { labelName: 'vip', labelType: 'User' },
            { labelName: 'sys:Defender Experts', labelType: 'User' },
          ],
        },
      }),
    );
    expect(plan.sentinelWrite).toBeUndefined();
    expect(plan.defenderWrite?.patch).toEqual({
      assignedTo: 'ana.ruiz@fabrikam-soc.example',
      customTags: ['finance', 'Tier1', 'vip'],
    });
  });

  it('never carries enrichment labels to Defender as tags, and keeps them on Sentinel writes', () => {
    const labels = [
      { labelName: 'finance', labelType: 'User' },
      { labelName: 'Tier1', labelType: 'User' },
      { labelName: 'sys:Defender Experts', labelType: 'User' },
      { labelName: 'enrich:ti-hit', labelType: 'User' },
      { labelName: 'enrich:vip', labelType: 'User' },
    ];
    const onlyLabels = mergeIncidentPair(syncedThenEdited({ sentinel: { labels } }));
    expect(onlyLabels.defenderWrite).toBeUndefined();
    expect(onlyLabels.sentinelWrite).toBeUndefined();

    const withSeverity = mergeIncidentPair(
      syncedThenEdited({ defender: { severity: 'low' }, sentinel: { labels } }),
    );
    expect(withSeverity.defenderWrite).toBeUndefined();
    expect(withSeverity.sentinelWrite?.properties.labels?.map((label) => label.labelName)).toEqual(
      expect.arrayContaining(['enrich:ti-hit', 'enrich:vip']),
    );
  });

  it('merges tags added on both sides and removed on one', () => {
    const plan = mergeIncidentPair(
      syncedThenEdited({
        defender: { customTags: ['finance', 'Tier1', 'from-defender'] },
        sentinel: {
          labels: [
            { labelName: 'finance', labelType: 'User' },
            { labelName: 'from-sentinel', labelType: 'User' },
            { labelName: 'sys:Defender Experts', labelType: 'User' },
          ],
        },
      }),
    );
    expect(plan.defenderWrite?.patch.customTags?.sort()).toEqual([
      'finance',
      'from-defender',
      'from-sentinel',
    ]);
    expect(plan.sentinelWrite?.properties.labels?.map((label) => label.labelName).sort()).toEqual(
      ['finance', 'from-defender', 'from-sentinel', 'sys:Defender Experts'].sort(),
    );
  });

  it('lets the newer side win a conflict and reports it', () => {
    const plan = mergeIncidentPair(
      syncedThenEdited(
        {
          defender: { assignedTo: 'late@fabrikam-soc.example' },
          sentinel: { owner: { userPrincipalName: 'early@fabrikam-soc.example' } },
        },
        { times: { defender: '2026-10-02T12:00:00Z', sentinel: '2026-10-02T11:00:00Z' } },
      ),
    );
    const owner = plan.decisions.find((decision) => decision.field === 'owner');
    expect(owner).toMatchObject({ winner: 'defender', conflict: true });
    expect(plan.defenderWrite).toBeUndefined();
  });

  it('settles changes within the clock-skew tolerance by the tie-breaker', () => {
    const plan = mergeIncidentPair(
      syncedThenEdited(
        {
          defender: { assignedTo: 'a@fabrikam-soc.example' },
          sentinel: { owner: { userPrincipalName: 'b@fabrikam-soc.example' } },
        },
        {
          times: { defender: '2026-10-02T12:00:00Z', sentinel: '2026-10-02T12:01:00Z' },
          policy: { tieBreaker: 'sentinel' },
        },
      ),
    );
    expect(plan.decisions.find((decision) => decision.field === 'owner')?.winner).toBe('sentinel');
    expect(plan.defenderWrite?.patch.assignedTo).toBe('b@fabrikam-soc.example');
  });

  it('reopens Sentinel when Defender reopens, clearing the stale verdict (BR-03)', () => {
    const closedBase = syncedThenEdited({});
    const state = {
      ...closedBase,
      baseDefender: { ...closedBase.baseDefender!, status: 'resolved' as const },
      baseSentinel: {
        ...closedBase.baseSentinel!,
        status: 'Closed' as const,
        classification: 'TruePositive' as const,
        classificationReason: 'SuspiciousActivity' as const,
      },
      sentinel: {
        ...closedBase.sentinel,
        status: 'Closed' as const,
        classification: 'TruePositive' as const,
        classificationReason: 'SuspiciousActivity' as const,
      },
      sentinelProperties: {
        ...closedBase.sentinelProperties,
        status: 'Closed',
        classification: 'TruePositive',
        classificationReason: 'SuspiciousActivity',
      },
    };
    const plan = mergeIncidentPair(state);
    expect(plan.sentinelWrite?.properties).toMatchObject({
      status: 'Active',
      classification: null,
      classificationReason: null,
    });
  });

  it('does not reopen Sentinel when the pair forbids it', () => {
    const closedBase = syncedThenEdited({}, { policy: { reopenFromDefender: false } });
    const state = {
      ...closedBase,
      baseDefender: { ...closedBase.baseDefender!, status: 'resolved' as const },
      baseSentinel: { ...closedBase.baseSentinel!, status: 'Closed' as const },
      sentinel: {
        ...closedBase.sentinel,
        status: 'Closed' as const,
        classification: 'Undetermined' as const,
      },
      sentinelProperties: {
        ...closedBase.sentinelProperties,
        status: 'Closed',
        classification: 'Undetermined',
      },
    };
    const plan = mergeIncidentPair(state);
    expect(plan.sentinelWrite).toBeUndefined();
    expect(plan.notes.map((note) => note.code)).toContain('reopen_blocked');
  });

  it('never writes a Defender incident that was merged away (BR-04)', () => {
    const plan = mergeIncidentPair(
      syncedThenEdited({
        defender: { status: 'redirected', redirectIncidentId: '4410099' },
        sentinel: { owner: { userPrincipalName: 'someone@fabrikam-soc.example' } },
      }),
    );
    expect(plan.defenderWrite).toBeUndefined();
    expect(plan.sentinelWrite?.properties).toMatchObject({
      status: 'Closed',
      classification: 'Undetermined',
    });
    expect(plan.sentinelWrite?.properties.labels?.map((label) => label.labelName)).toContain(
      'redirected',
    );
    expect(plan.notes.map((note) => note.code)).toContain('redirected_is_final');
  });

  it('keeps the Defender determination when Sentinel closes in the same class', () => {
    const state = syncedThenEdited({
      sentinel: {
        status: 'Closed',
        classification: 'TruePositive',
        classificationReason: 'SuspiciousActivity',
      },
    });
    const plan = mergeIncidentPair(state);
    expect(plan.defenderWrite?.patch).toEqual({ status: 'resolved' });
  });

  it('writes a remembered determination back after the classification moved away and returned', () => {
    const state = syncedThenEdited({
      defender: { classification: 'falsePositive', determination: 'notMalicious' },
      sentinel: {
        status: 'Closed',
        classification: 'TruePositive',
        classificationReason: 'SuspiciousActivity',
      },
    });
    state.baseDefender = {
      ...state.baseDefender!,
      classification: 'falsePositive',
      determination: 'notMalicious',
    };
    state.memory = { truePositive: 'phishing' };
    const plan = mergeIncidentPair(state);
    expect(plan.defenderWrite?.patch).toEqual({
      status: 'resolved',
      classification: 'truePositive',
      determination: 'phishing',
    });
  });

  it('leaves the Sentinel owner alone when the Defender assignee is not in the directory (BR-17)', () => {
    const state = {
      ...syncedThenEdited({ defender: { assignedTo: 'ghost@elsewhere.example' } }),
      defenderOwner: null,
    };
    const plan = mergeIncidentPair(state);
    expect(plan.sentinelWrite).toBeUndefined();
    expect(plan.notes.map((note) => note.code)).toContain('owner_unresolved');
  });

  it('writes a resolved owner in full', () => {
    const state = {
      ...syncedThenEdited({ defender: { assignedTo: 'Ana.Ruiz@Fabrikam-SOC.example' } }),
      defenderOwner: {
        objectId: 'oid-ana',
        userPrincipalName: 'ana.ruiz@fabrikam-soc.example',
        mail: 'ana.ruiz@fabrikam-soc.example',
        displayName: 'Ana Ruiz',
      },
    };
    const plan = mergeIncidentPair(state);
    expect(plan.sentinelWrite?.properties.owner).toEqual({
      objectId: 'oid-ana',
      userPrincipalName: 'ana.ruiz@fabrikam-soc.example',
      email: 'ana.ruiz@fabrikam-soc.example',
      assignedTo: 'Ana Ruiz',
    });
  });

  it('does not wipe a Sentinel description when Defender has none (BR-01)', () => {
    const state = syncedThenEdited({ sentinel: { description: 'Written by an analyst' } });
    const plan = mergeIncidentPair(state);
    expect(plan.sentinelWrite).toBeUndefined();
  });

  it('leaves every connector-owned field alone in complement mode', () => {
    const state = syncedThenEdited({
      defender: { status: 'resolved', assignedTo: 'x@y.example', description: 'Narrative' },
    });
    const plan = mergeIncidentPair({
      ...state,
      policy: {
        ...state.policy,
        status: 'off',
        owner: 'off',
        classification: 'off',
        tags: 'off',
        severity: 'off',
        title: 'off',
      },
    });
    expect(plan.sentinelWrite?.changes).toEqual([
      { field: 'description', before: '', after: 'Narrative' },
    ]);
  });
});

/**
 * Property-based round trips: mapping an incident to the other side and back, with the
 * determination incident-bridge remembers, gives back the original wherever the hop is
 * lossless (status, classification and determination of a closed incident, owner, tags;
 * severity Defender to Sentinel).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DETERMINATIONS_BY_CLASSIFICATION,
  rememberDetermination,
  type GraphVerdict,
} from '../../../src/mapping/classificationTable.ts';
import type { DefenderIncidentView } from '../../../src/mapping/defenderIncidentView.ts';
import { sameTagSet } from '../../../src/mapping/labelMapping.ts';
import { mapDefenderToSentinel } from '../../../src/mapping/mapDefenderToSentinel.ts';
import { mapSentinelToDefender } from '../../../src/mapping/mapSentinelToDefender.ts';
import { readSentinelIncident } from '../../../src/mapping/sentinelIncidentView.ts';
import {
  SENTINEL_CLOSE_PAIRS,
  type SentinelIncident,
} from '../../../src/model/sentinelIncident.ts';

type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;

const verdictWithDetermination = fc
  .constantFrom(...(Object.keys(DETERMINATIONS_BY_CLASSIFICATION) as GraphVerdict[]))
  .chain((classification) =>
    fc.record({
      classification: fc.constant(classification),
      determination: fc.constantFrom(...DETERMINATIONS_BY_CLASSIFICATION[classification]),
    }),
  );
const classified = fc.oneof(
  verdictWithDetermination,
  fc.constant({ classification: 'unknown' as const, determination: 'unknown' as const }),
);
const tag = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 _-]{0,15}$/);
const upn = fc
  .tuple(
    fc.stringMatching(/^[a-z][a-z0-9.]{0,10}$/),
    fc.constantFrom('fabrikam.example', 'contoso.example'),
  )
  .map(([name, domain]) => `${name}@${domain}`);

const defenderIncident = fc.record({
  status: fc.constantFrom('active' as const, 'inProgress' as const, 'resolved' as const),
  verdict: classified,
  severity: fc.constantFrom(
    'informational' as const,
    'low' as const,
    'medium' as const,
    'high' as const,
  ),
  assignedTo: fc.option(upn, { nil: null }),
  customTags: fc.uniqueArray(tag, { maxLength: 6, selector: (value) => value.toLowerCase() }),
});

function view(generated: ValueOf<typeof defenderIncident>): DefenderIncidentView {
  return {
    source: 'graph',
    id: '4410027',
    tenantId: '7a1d4b1e-2c3f-4e5a-9b8c-1d2e3f4a5b6c',
    title: 'Incident',
    description: '',
    status: generated.status,
    severity: generated.severity,
    classification: generated.verdict.classification,
    determination: generated.verdict.determination,
    assignedTo: generated.assignedTo,
    customTags: generated.customTags,
    systemTags: [],
    redirectIncidentId: null,
    createdDateTime: '2026-10-02T08:14:11Z',
    lastUpdateDateTime: '2026-10-02T09:30:02Z',
    lastModifiedBy: '',
    incidentWebUrl: '',
    firstActivityDateTime: '',
    lastActivityDateTime: '',
    comments: [],
    alerts: [],
  };
}

function asSentinelIncident(
  properties: ReturnType<typeof mapDefenderToSentinel>['sentinel'],
): SentinelIncident {
  return {
    id: '/subscriptions/s/resourceGroups/g/providers/Microsoft.OperationalInsights/workspaces/w/providers/Microsoft.SecurityInsights/incidents/i',
    name: 'i',
    properties: {
      ...properties,
      classification: properties.classification || null,
      classificationReason: properties.classificationReason || null,
      labels: properties.labels.map((labelName) => ({ labelName, labelType: 'User' })),
    },
  };
}

describe('Defender -> Sentinel -> Defender', () => {
  it('gives back status, owner and tags, and classification with determination when closed', () => {
    fc.assert(
      fc.property(defenderIncident, (generated) => {
        const original = view(generated);
        const memory = rememberDetermination({}, original.classification, original.determination);

        const { sentinel } = mapDefenderToSentinel(original);
        const back = mapSentinelToDefender(
          readSentinelIncident(asSentinelIncident(sentinel)).incident,
          { memory },
        );

        expect(back.patch.status).toBe(original.status);
        expect(back.patch.assignedTo ?? null).toBe(original.assignedTo);
        expect(sameTagSet(back.patch.customTags ?? [], original.customTags)).toBe(true);
        if (original.status === 'resolved') {
          expect(back.patch.classification).toBe(original.classification);
          expect(back.patch.determination).toBe(original.determination);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('carries severity exactly from Defender to Sentinel', () => {
    fc.assert(
      fc.property(defenderIncident, (generated) => {
        const { sentinel } = mapDefenderToSentinel(view(generated));
        expect(sentinel.severity.toLowerCase()).toBe(generated.severity);
      }),
    );
  });
});

describe('Sentinel -> Defender -> Sentinel', () => {
  it('gives back every valid close pair, status and owner', () => {
    const closePair = fc.constantFrom(...SENTINEL_CLOSE_PAIRS);
    fc.assert(
      fc.property(closePair, fc.option(upn, { nil: null }), (pair, owner) => {
        const incident = readSentinelIncident({
          id: '/subscriptions/s/resourceGroups/g/providers/Microsoft.OperationalInsights/workspaces/w/providers/Microsoft.SecurityInsights/incidents/i',
          name: 'i',
          properties: {
            title: 'Incident',
            severity: 'Low',
            status: 'Closed',
            classification: pair.classification,
            classificationReason: pair.classificationReason,
            owner: owner ? { userPrincipalName: owner, email: owner, assignedTo: owner } : null,
          },
        }).incident;

        const { patch } = mapSentinelToDefender(incident);
        const defender = view({
          status: 'resolved',
          verdict: {
            classification: patch.classification ?? 'unknown',
            determination: patch.determination ?? 'unknown',
          } as ValueOf<typeof classified>,
          severity: 'low',
          assignedTo: patch.assignedTo ?? null,
          customTags: [],
        });
        const { sentinel } = mapDefenderToSentinel(defender);

        expect(sentinel.status).toBe('Closed');
        expect(sentinel.classification).toBe(pair.classification);
        expect(sentinel.classificationReason || null).toBe(pair.classificationReason);
        expect(sentinel.owner.userPrincipalName || null).toBe(owner);
      }),
    );
  });
});

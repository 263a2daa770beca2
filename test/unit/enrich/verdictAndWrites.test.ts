/**
 * The verdict and its labels, the derived description (BR-01), the enrichment section of the
 * configuration, and the label write's retry on 409 (BR-12), each on its own.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/loadConfig.ts';
import { deriveDescription } from '../../../src/enrich/deriveDescription.ts';
import type { EnrichmentEntity } from '../../../src/enrich/enrichmentEntity.ts';
import type { EnrichmentSubject } from '../../../src/enrich/enrichmentSubject.ts';
import type { SourcedFinding } from '../../../src/enrich/providers/providerPipeline.ts';
import { enrichmentLabels } from '../../../src/enrich/verdict/enrichmentLabels.ts';
import { scoreVerdict } from '../../../src/enrich/verdict/enrichmentVerdict.ts';
import { writeSentinelLabels } from '../../../src/enrich/writeBack/writeSentinelLabels.ts';
import { isReservedLabel } from '../../../src/mapping/labelMapping.ts';
import type {
  SentinelIncident,
  SentinelIncidentProperties,
} from '../../../src/model/sentinelIncident.ts';
import type { SentinelPutResult } from '../../../src/clients/sentinelIncidentsClient.ts';

function entity(key: string, kind: string, verdicts: string[] = []): EnrichmentEntity {
  return {
    key,
    kind,
    displayName: key,
    value: key,
    identities: [key],
    attributes: {},
    sources: ['graphEvidence'],
    alertIds: [],
    verdicts,
    roles: [],
  };
}

function finding(targetKey: string, signals: SourcedFinding['signals']): SourcedFinding {
  return {
    targetKey,
    summary: 's',
    signals,
    provider: 'p',
    source: 'p',
    fetchedAt: '',
    cached: false,
  };
}

describe('the verdict', () => {
  it('lists a reason for every point and suggests reserved labels', () => {
    const entities = [
      entity('ip', 'Ip', ['malicious']),
      entity('ann', 'Account'),
      entity('h', 'Host'),
    ];
    const findings = [
      finding('ip', { threatIntel: { indicator: 'i', confidence: 90, threatTypes: [] } }),
      finding('ann', {
        watchlist: { alias: 'VIPUsers', label: 'vip', role: 'vip' },
        userRisk: 'high',
      }),
    ];

    const verdict = scoreVerdict(entities, findings);

    expect(verdict.score).toBe(40 + 15 + 10 + 15);
    expect(verdict.reasons).toEqual([
      '+40: threat intelligence matches 1 entities (ip)',
      '+15: Defender rates 1 entities malicious (ip)',
      '+10: involves a VIP (ann)',
      '+15: high user risk in Entra ID (ann)',
    ]);
    expect(verdict.counts).toEqual([
      { kind: 'Account', count: 1 },
      { kind: 'Host', count: 1 },
      { kind: 'Ip', count: 1 },
    ]);
    const labels = enrichmentLabels(verdict, findings, 70);
    expect(labels).toEqual(['enrich:high-score', 'enrich:ti-hit', 'enrich:vip']);
    expect(labels.every(isReservedLabel)).toBe(true);
  });

  it('scores zero, with a reason, when nothing is found', () => {
    expect(scoreVerdict([entity('h', 'Host')], [])).toMatchObject({
      score: 0,
      reasons: ['0: no source marks any entity as bad'],
    });
  });
});

describe('a description built from the alerts (BR-01)', () => {
  const base: EnrichmentSubject = {
    graphAlerts: [],
    sentinelAlerts: [],
    sentinelEntities: [],
    sentinelListed: false,
    triggerEntities: [],
    entitiesComplete: true,
    notes: [],
  };

  it('takes the earliest alert first, drops repeats and stays within the limit', () => {
    const alerts = [
      {
        id: 'b',
        title: 'Rule B',
        description: 'Second alert text',
        firstActivityDateTime: '2025-01-02T00:00:00Z',
      },
      {
        id: 'a',
        title: 'Rule A',
        description: 'User X did Y from IP Z',
        firstActivityDateTime: '2025-01-01T00:00:00Z',
      },
      {
        id: 'c',
        title: 'Rule B again',
        description: 'Second alert text',
        firstActivityDateTime: '2025-01-03T00:00:00Z',
      },
      { id: 'd', title: null, description: null },
    ];
    expect(deriveDescription({ ...base, graphAlerts: alerts }, 5000)).toBe(
      'Rule A: User X did Y from IP Z\nRule B: Second alert text',
    );
    expect(deriveDescription({ ...base, graphAlerts: alerts }, 20)).toHaveLength(20);
  });

  it('builds none when the incident has a description', () => {
    const defender = {
      tenantId: 't',
      incidentId: '1',
      title: 't',
      description: 'Known',
      readFromGraph: true,
    };
    expect(
      deriveDescription({ ...base, defender, graphAlerts: [{ id: 'a', description: 'x' }] }, 100),
    ).toBe('');
  });
});

describe('the enrichment configuration', () => {
  it('defaults to the offline providers only', () => {
    const { enrichment } = parseConfig({});
    expect(enrichment.offline.ipGeo.enabled).toBe(true);
    expect(enrichment.azure.threatIntel.enabled).toBe(false);
    expect(enrichment.comment).toEqual({
      maxChars: 30000,
      lengthUnit: 'utf16',
      maxParts: 5,
      defenderMaxChars: 30000,
    });
  });

  it('names a missing bundle file and a repeated watchlist at start', () => {
    expect(() =>
      parseConfig({
        enrichment: {
          offline: { mitreAttack: { bundlePath: '/nowhere/attack.json' } },
          azure: { watchlists: { enabled: true, lists: [{ alias: 'VIP' }, { alias: 'vip' }] } },
        },
      }),
    ).toThrow(
      /offline\.mitreAttack\.bundlePath: no file at \/nowhere\/attack\.json[\s\S]*lists\.1\.alias: "vip" is used twice/,
    );
  });
});

describe('writing the labels', () => {
  function fakeSentinel(conflicts: number) {
    let properties: SentinelIncidentProperties = {
      title: 't',
      severity: 'High',
      status: 'Active',
      labels: [
        { labelName: 'keep', labelType: 'User' },
        { labelName: 'enrich:old', labelType: 'User' },
        { labelName: 'auto', labelType: 'AutoAssigned' },
      ],
    };
    let etag = 1;
    const calls = { puts: 0 };
    return {
      calls,
      current: () => properties,
      client: {
        get: async (): Promise<SentinelIncident> => ({
          id: 'x',
          name: 'x',
          etag: `"${etag}"`,
          properties: structuredClone(properties),
        }),
        put: async (
          _name: string,
          next: SentinelIncidentProperties,
          sentEtag?: string,
        ): Promise<SentinelPutResult> => {
          calls.puts += 1;
          if (calls.puts <= conflicts || sentEtag !== `"${etag}"`) {
            etag += 1;
            return { kind: 'conflict' };
          }
          properties = next;
          etag += 1;
          return { kind: 'written', incident: { id: 'x', name: 'x', properties } };
        },
      },
    };
  }

  it('reads again and retries after a 409, replacing only its own labels', async () => {
    const fake = fakeSentinel(2);
    const outcome = await writeSentinelLabels(
      fake.client,
      'x',
      { labels: ['enrich:ti-hit'] },
      { sleep: async () => {} },
    );

    expect(outcome).toMatchObject({ kind: 'written', changed: true, attempts: 3 });
    expect(fake.current().labels?.map((label) => label.labelName)).toEqual([
      'keep',
      'auto',
      'enrich:ti-hit',
    ]);
  });

  it('gives up after its bound and says so', async () => {
    const fake = fakeSentinel(10);
    const outcome = await writeSentinelLabels(
      fake.client,
      'x',
      { labels: ['enrich:ti-hit'] },
      { sleep: async () => {}, maxAttempts: 3 },
    );
    expect(outcome).toEqual({
      kind: 'failed',
      reason: 'Sentinel kept answering 409 Conflict',
      attempts: 3,
    });
  });

  it('writes nothing when the labels are already in place', async () => {
    const fake = fakeSentinel(0);
    const outcome = await writeSentinelLabels(fake.client, 'x', { labels: ['enrich:old'] });
    expect(outcome).toMatchObject({ kind: 'written', changed: false });
    expect(fake.calls.puts).toBe(0);
  });
});

/**
 * EnrichIncident end to end through the emulator with the real SDK clients: the sandbox's
 * linked pair shows threat-intelligence and VIP hits, directory facts and ATT&CK names; the
 * write-back lands once however often it runs; a concurrent write is retried, not lost.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { components } from '../../openapi/generated/types.ts';
import { ApiBudgets } from '../../src/clients/budgets/apiBudgets.ts';
import { api } from '../support/apiClient.ts';
import { expectContractResponse } from '../support/contract.ts';
import {
  lastRequest,
  startSandboxHarness,
  writesSince,
  type SandboxHarness,
} from '../support/sandboxHarness.ts';

type EnrichmentResult = components['schemas']['EnrichmentResult'];

/** Several enrichments in a row read more than the Sentinel read budget's burst. */
const roomyBudgets = () =>
  new ApiBudgets({ specs: { sentinelRead: [{ points: 5000, windowMs: 300_000 }] } });

let harness: SandboxHarness;
beforeEach(async () => {
  harness = await startSandboxHarness({ budgets: roomyBudgets() });
});
afterEach(() => harness.close());

function openPair() {
  const pair = harness.scenario.openPair;
  if (!pair) throw new Error('the sandbox seed has no open pair');
  return pair;
}

function enrich(body: Record<string, unknown>) {
  return api(harness.app).post('/api/v1/enrichments').send(body);
}

function entity(result: EnrichmentResult, kind: string, value: string) {
  return result.entities.find((item) => item.kind === kind && item.value === value);
}

describe('enriching the sandbox pair through the emulator', () => {
  it('finds threat intelligence, the VIP, directory facts and technique names', async () => {
    const response = await enrich({ incidentArmId: openPair().sentinel.id });

    expect(response.status).toBe(200);
    expectContractResponse('EnrichIncident', response);
    const result = response.body as EnrichmentResult;
    expect(result.entitiesComplete).toBe(true);
    expect(result.defenderIncidentId).toBe(openPair().defender.id);

    const ip = entity(result, 'Ip', '198.51.100.77');
    expect(ip?.context.map((item) => item.provider)).toEqual(
      expect.arrayContaining(['ipClassification', 'threatIntel']),
    );
    const mei = entity(result, 'Account', 'mei.tanaka@auroralab.example');
    expect(mei?.sources).toEqual(expect.arrayContaining(['graphEvidence', 'sentinelEntities']));
    expect(mei?.alertIds).toHaveLength(2);
    const directory = mei?.context.find((item) => item.provider === 'graphUsers');
    expect(directory?.facts).toEqual(
      expect.arrayContaining([
        { name: 'manager', value: 'Lukas Berg' },
        { name: 'department', value: 'Security Operations' },
        { name: 'riskLevel', value: 'medium' },
      ]),
    );
    expect(mei?.context.some((item) => item.provider === 'watchlists')).toBe(true);

    expect(result.verdict.threatIntelHits).toBe(2);
    // Mei is on the VIP list as an account and as a mailbox.
    expect(result.verdict.watchlistHits).toBe(2);
    expect(result.verdict.score).toBeGreaterThanOrEqual(60);
    expect(result.labels).toEqual(['enrich:high-score', 'enrich:ti-hit', 'enrich:vip']);
    expect(result.techniques).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: 'T1059.001',
          name: 'Command and Scripting Interpreter: PowerShell',
        }),
      ]),
    );
    const statuses = Object.fromEntries(result.providers.map((run) => [run.name, run.status]));
    expect(statuses).toMatchObject({
      threatIntel: 'ok',
      watchlists: 'ok',
      graphUsers: 'ok',
      domainWhois: 'ok',
    });
  });

  it('writes the comment, labels and Defender comment once, however often it runs', async () => {
    const { sentinel, defender } = openPair();
    const request = {
      incidentArmId: sentinel.id,
      writeSentinelComment: true,
      writeSentinelLabels: true,
      writeDefenderComment: true,
    };

    const first = (await enrich(request)).body as EnrichmentResult;
    expect(first.written).toMatchObject({
      sentinelComment: true,
      sentinelLabels: true,
      defenderComment: true,
    });
    expect(first.written.changed).toEqual(['sentinelComment', 'sentinelLabels', 'defenderComment']);
    const before = lastRequest(harness.emulator);
    const defenderComments = harness.emulator.state.getDefenderIncident(
      harness.scenario.tenantId,
      defender.id,
    )?.comments?.length;

    const second = (await enrich(request)).body as EnrichmentResult;

    expect(second.written.changed).toEqual([]);
    expect(second.written.sentinelCommentIds).toEqual(first.written.sentinelCommentIds);
    expect(writesSince(harness.emulator, before)).toEqual([]);
    const comments = harness.emulator.state.getSentinelComments(sentinel.name);
    const ours = comments.filter((comment) =>
      first.written.sentinelCommentIds.includes(comment.name),
    );
    expect(ours).toHaveLength(first.commentParts.length);
    expect(
      harness.emulator.state.getDefenderIncident(harness.scenario.tenantId, defender.id)?.comments
        ?.length,
    ).toBe(defenderComments);
    const labels = harness.emulator.state
      .getSentinelIncident(sentinel.name)
      ?.properties.labels?.map((l) => l.labelName);
    expect(labels).toEqual(
      expect.arrayContaining(['sandbox', 'phishing-wave-nov', 'enrich:ti-hit', 'enrich:vip']),
    );
  });

  it('does not carry its labels to Defender when the pair syncs afterwards', async () => {
    const { sentinel, defender } = openPair();
    await enrich({ incidentArmId: sentinel.id, writeSentinelLabels: true });

    const sync = await api(harness.app)
      .post('/api/v1/sync/sentinel-incident')
      .send({ incidentArmId: sentinel.id });

    expect(sync.status).toBe(200);
    const tags = harness.emulator.state.getDefenderIncident(
      harness.scenario.tenantId,
      defender.id,
    )?.customTags;
    expect(tags).toEqual(['sandbox', 'phishing-wave-nov']);
    const labels = harness.emulator.state
      .getSentinelIncident(sentinel.name)
      ?.properties.labels?.map((l) => l.labelName);
    expect(labels).toEqual(expect.arrayContaining(['enrich:ti-hit']));
  });

  it('retries its label write after a 409 and returns only once it is written (BR-12)', async () => {
    const { sentinel } = openPair();
    harness.emulator.faults.add({
      api: 'arm',
      method: 'PUT',
      path: '/subscriptions/**/incidents/*',
      action: { kind: 'conflict' },
      times: 1,
    });

    const response = await enrich({ incidentArmId: sentinel.id, writeSentinelLabels: true });

    expect((response.body as EnrichmentResult).written.sentinelLabels).toBe(true);
    const labels = harness.emulator.state
      .getSentinelIncident(sentinel.name)
      ?.properties.labels?.map((l) => l.labelName);
    expect(labels).toEqual(expect.arrayContaining(['enrich:ti-hit', 'enrich:vip']));
    const close = await api(harness.app)
      .post('/api/v1/sync/sentinel-incident')
      .send({ incidentArmId: sentinel.id });
    expect(close.status).toBe(200);
  });

  it('reads the full entity list when the trigger body holds none (BR-21)', async () => {
    const { sentinel } = openPair();
    const trigger = {
      workspaceInfo: { SubscriptionId: 'x', ResourceGroupName: 'y', WorkspaceName: 'z' },
      object: {
        ...sentinel,
        properties: { ...sentinel.properties, relatedEntities: [], alerts: [] },
      },
    };

    const result = (await enrich({ incident: trigger })).body as EnrichmentResult;

    expect(result.entitiesComplete).toBe(true);
    expect(result.notes.map((note) => note.code)).toContain('entities_fetched');
    expect(entity(result, 'Host', 'ws-mtanaka.auroralab.example')?.sources).toEqual(
      expect.arrayContaining(['graphEvidence', 'sentinelEntities']),
    );
  });

  it('builds a description for a Defender incident without one, and says what it cannot write', async () => {
    const unlinked = harness.scenario.unlinkedDefender;
    if (!unlinked) throw new Error('the sandbox seed has no unlinked Defender incident');

    const response = await enrich({ defenderIncidentId: unlinked.id, writeSentinelComment: true });

    expect(response.status).toBe(200);
    expectContractResponse('EnrichIncident', response);
    const result = response.body as EnrichmentResult;
    expect(result.description).toBe(
      'Unfamiliar sign-in properties: A sign-in used properties not seen recently for this user.',
    );
    expect(result.notes.map((note) => note.code)).toEqual(
      expect.arrayContaining(['description_derived', 'write_not_possible']),
    );
    expect(result.written.sentinelComment).toBe(false);
  });

  it('answers 404 for an unknown incident and 400 for two lookup keys', async () => {
    const { sentinel } = openPair();
    const unknown = await enrich({
      incidentArmId: sentinel.id.replace(/[0-9a-f-]{36}$/, '00000000-0000-4000-8000-000000000000'),
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('sentinel_incident_not_found');
    expectContractResponse('EnrichIncident', unknown);

    const both = await enrich({ incidentArmId: sentinel.id, defenderIncidentId: '1' });
    expect(both.status).toBe(400);
    expect(both.body.code).toBe('lookup_key_required');
    expect(both.body.errors[0].acceptedValues).toEqual([
      'incidentArmId',
      'defenderIncidentId',
      'incident',
    ]);
  });
});

describe('a provider that hangs', () => {
  it('is reported as timed out and the enrichment still succeeds', async () => {
    await harness.close();
    harness = await startSandboxHarness({
      budgets: roomyBudgets(),
      configure: (config) => ({ ...config, enrichment: { ...config.enrichment, timeoutMs: 300 } }),
    });
    harness.emulator.faults.add({
      api: 'arm',
      method: 'POST',
      path: '/subscriptions/**/queryIndicators',
      action: { kind: 'hang' },
    });

    const response = await enrich({ incidentArmId: openPair().sentinel.id });

    expect(response.status).toBe(200);
    const run = (response.body as EnrichmentResult).providers.find(
      (item) => item.name === 'threatIntel',
    );
    expect(run).toMatchObject({ status: 'timedOut' });
    expect((response.body as EnrichmentResult).verdict.watchlistHits).toBe(2);
  });
});

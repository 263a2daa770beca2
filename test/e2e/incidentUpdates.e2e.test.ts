/**
 * API consumers posting updates: foreign closure codes, refusal of updates that cannot be
 * valid (before any write), idempotency keys, and concurrent updates merged into one write.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { components } from '../../openapi/generated/types.ts';
import { api } from '../support/apiClient.ts';
import { expectContractResponse } from '../support/contract.ts';
import {
  lastRequest,
  startSandboxHarness,
  writesSince,
  type SandboxHarness,
} from '../support/sandboxHarness.ts';

type Problem = components['schemas']['Problem'];
type SyncResult = components['schemas']['SyncResult'];

let harness: SandboxHarness;
beforeEach(async () => {
  harness = await startSandboxHarness();
});
afterEach(() => harness.close());

const pair = () => harness.scenario.openPair!;
const post = (body: object, key?: string) => {
  const call = api(harness.app).post('/api/v1/incident-updates');
  return (key ? call.set('Idempotency-Key', key) : call).send(body);
};

describe('PostIncidentUpdate', () => {
  it('closes through an ITSM close code and the Defender twin follows (BR-06)', async () => {
    const response = await post({
      sentinelIncidentArmId: pair().sentinel.id,
      status: 'Closed',
      classification: 'Resolved - True Positive',
      closeNotes: 'fixed in CHG0031',
    });

    expect(response.status).toBe(200);
    expectContractResponse('PostIncidentUpdate', response);
    expect(
      harness.emulator.state.getSentinelIncident(pair().sentinel.name)?.properties,
    ).toMatchObject({
      status: 'Closed',
      classification: 'TruePositive',
      classificationReason: 'SuspiciousActivity',
      classificationComment: 'fixed in CHG0031',
    });
    expect(
      harness.emulator.state.getDefenderIncident(harness.scenario.tenantId, pair().defender.id),
    ).toMatchObject({
      status: 'resolved',
      classification: 'truePositive',
    });
  });

  it('refuses a close whose classification needs a reason, listing the reasons, and writes nothing (BR-05)', async () => {
    const before = lastRequest(harness.emulator);
    const response = await post({
      sentinelIncidentArmId: pair().sentinel.id,
      status: 'Closed',
      classification: 'FalsePositive',
    });

    expect(response.status).toBe(422);
    expectContractResponse('PostIncidentUpdate', response);
    expect((response.body as Problem).errors).toContainEqual({
      field: 'body.classificationReason',
      message: 'this classification needs one of these reasons',
      acceptedValues: ['IncorrectAlertLogic', 'InaccurateData'],
    });
    expect(writesSince(harness.emulator, before)).toEqual([]);
  });

  it('refuses to close a Sentinel incident with no classification, listing the five pairs', async () => {
    const response = await post({ sentinelIncidentArmId: pair().sentinel.id, status: 'resolved' });

    expect(response.status).toBe(422);
    expect((response.body as Problem).errors[0]?.acceptedValues).toEqual([
      'Undetermined',
      'TruePositive - SuspiciousActivity',
      'BenignPositive - SuspiciousButExpected',
      'FalsePositive - IncorrectAlertLogic',
      'FalsePositive - InaccurateData',
    ]);
  });

  it('refuses an unknown closure code and severity on a Defender incident', async () => {
    const response = await post({
      defenderTenantId: harness.scenario.tenantId,
      defenderIncidentId: pair().defender.id,
      classification: 'Solved (Work Around)',
      severity: 'High',
    });

    expect(response.status).toBe(422);
    expect((response.body as Problem).errors.map((error) => error.field).sort()).toEqual([
      'body.classification',
      'body.severity',
    ]);
  });

  it('answers a repeated Idempotency-Key from the first answer and writes nothing', async () => {
    const body = {
      defenderTenantId: harness.scenario.tenantId,
      defenderIncidentId: pair().defender.id,
      tagsToAdd: ['itsm-linked'],
    };
    const first = await post(body, 'chg-0031-a');
    const before = lastRequest(harness.emulator);
    const again = await post(body, 'chg-0031-a');

    expect(again.status).toBe(first.status);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(writesSince(harness.emulator, before)).toEqual([]);

    const reused = await post({ ...body, tagsToAdd: ['other'] }, 'chg-0031-a');
    expect(reused.status).toBe(422);
    expect((reused.body as Problem).code).toBe('idempotency_key_reused');
  });

  it('merges three concurrent updates into one write that carries all three', async () => {
    await api(harness.app)
      .post('/api/v1/sync/sentinel-incident')
      .send({ incidentArmId: pair().sentinel.id });
    // Hold the first job at its first read, so the next three queue behind it and merge.
    harness.emulator.faults.add({
      api: 'arm',
      method: 'GET',
      path: '**/incidents/*',
      action: { kind: 'delay', delayMs: 800 },
      times: 1,
    });
    const first = post({ sentinelIncidentArmId: pair().sentinel.id, tagsToAdd: ['first'] }).then(
      (response) => response,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));

    const before = lastRequest(harness.emulator);
    const rest = await Promise.all(
      ['alpha', 'bravo', 'charlie'].map((tag) =>
        post({ sentinelIncidentArmId: pair().sentinel.id, tagsToAdd: [tag] }),
      ),
    );
    await first;

    for (const response of rest) expect(response.status, JSON.stringify(response.body)).toBe(200);
    const labels = harness.emulator.state
      .getSentinelIncident(pair().sentinel.name)!
      .properties.labels!.map((label) => label.labelName);
    expect(labels).toEqual(expect.arrayContaining(['first', 'alpha', 'bravo', 'charlie']));
    const puts = writesSince(harness.emulator, before).filter(
      (write) => write.method === 'PUT' && !write.path.includes('/comments/'),
    );
    expect(puts.length).toBeLessThanOrEqual(2);
    expect(new Set(rest.map((response) => (response.body as SyncResult).auditId)).size).toBe(1);
  });
});

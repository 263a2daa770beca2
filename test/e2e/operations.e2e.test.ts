/**
 * The operator's operations through the emulator: a dry-run plan that writes nothing, the
 * status report, dead letters that keep their planned write and replay, and reconcile.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { components } from '../../openapi/generated/types.ts';
import { api } from '../support/apiClient.ts';
import { expectContractResponse } from '../support/contract.ts';
import { addPair } from '../support/pairFactory.ts';
import {
  lastRequest,
  startSandboxHarness,
  writesSince,
  type SandboxHarness,
} from '../support/sandboxHarness.ts';

type SyncPlanResult = components['schemas']['SyncPlanResult'];
type SyncStatus = components['schemas']['SyncStatus'];
type ReconcileResult = components['schemas']['ReconcileResult'];

let harness: SandboxHarness;
beforeEach(async () => {
  harness = await startSandboxHarness();
});
afterEach(() => harness.close());

const pair = () => harness.scenario.openPair!;
const syncPair = () =>
  api(harness.app)
    .post('/api/v1/sync/sentinel-incident')
    .send({ incidentArmId: pair().sentinel.id });

describe('PlanSync', () => {
  it('shows the writes a sync would make and makes none', async () => {
    await syncPair();
    harness.emulator.state.editDefenderIncident(harness.scenario.tenantId, pair().defender.id, {
      status: 'resolved',
      classification: 'falsePositive',
      determination: 'other',
    });

    const before = lastRequest(harness.emulator);
    const response = await api(harness.app).post('/api/v1/sync/plan').send({ pairName: 'sandbox' });

    expect(response.status).toBe(200);
    expectContractResponse('PlanSync', response);
    const plan = response.body as SyncPlanResult;
    expect(plan.sentinelWrites).toBe(1);
    expect(plan.plans[0]?.sentinel.changes).toContainEqual({
      field: 'status',
      before: 'New',
      after: 'Closed',
    });
    expect(writesSince(harness.emulator, before)).toEqual([]);
  });
});

describe('dead letters', () => {
  it('keeps a refused write with its plan, lists it in the status, and replays it', async () => {
    await syncPair();
    harness.emulator.state.editDefenderIncident(harness.scenario.tenantId, pair().defender.id, {
      customTags: ['x'],
    });
    harness.emulator.faults.add({
      api: 'arm',
      method: 'PUT',
      path: '**/incidents/*',
      action: { kind: 'status', status: 400, code: 'BadRequest', message: 'refused' },
      times: 1,
    });

    const failed = await syncPair();
    expect(failed.status).toBe(502);

    const status = await api(harness.app).get('/api/v1/sync/status');
    expectContractResponse('GetSyncStatus', status);
    const [sandbox] = (status.body as SyncStatus).pairs;
    expect(sandbox?.deadLetterCount).toBe(1);
    expect(sandbox?.deadLetters[0]?.plannedWrite).toContain('"labelName":"x"');

    const replay = await api(harness.app).post(
      `/api/v1/sync/dead-letters/${sandbox?.deadLetters[0]?.jobId}/replay`,
    );
    expect(replay.status).toBe(200);
    expectContractResponse('ReplayDeadLetter', replay);
    await expect
      .poll(() =>
        harness.emulator.state
          .getSentinelIncident(pair().sentinel.name)
          ?.properties.labels?.some((label) => label.labelName === 'x'),
      )
      .toBe(true);
  });

  it('answers an unknown dead letter with 404', async () => {
    const response = await api(harness.app).post('/api/v1/sync/dead-letters/0000-0000/replay');
    expect(response.status).toBe(404);
    expectContractResponse('ReplayDeadLetter', response);
  });
});

describe('ReconcilePairs', () => {
  it('links twins, queues drifted pairs and reports the unpaired', async () => {
    const workspace = harness.seed.workspaces[0]!;
    const fresh = addPair(harness.emulator, harness.scenario.tenantId, workspace);

    const response = await api(harness.app).post('/api/v1/sync/reconcile').send({});

    expect(response.status).toBe(200);
    expectContractResponse('ReconcilePairs', response);
    const [summary] = (response.body as ReconcileResult).pairs;
    expect(summary?.linked).toBeGreaterThanOrEqual(2);
    expect(summary?.unpairedDefender).toContain(harness.scenario.unlinkedDefender!.id);
    expect(summary?.sentinelOnly.map((id) => id.toLowerCase())).toContain(
      harness.scenario.sentinelOnly!.id.toLowerCase(),
    );

    await expect
      .poll(
        async () =>
          (
            await api(harness.app)
              .get('/api/v1/incident-links')
              .query({ defenderIncidentId: fresh.defender.id })
          ).status,
      )
      .toBe(200);
  });
});

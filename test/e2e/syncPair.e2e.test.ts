/**
 * End to end through the emulator with the real Azure SDK clients: a change on one side
 * reaches the other in the right vocabulary, a second sync writes nothing, and a Sentinel
 * edit landing between our read and our write is not lost.
 */
import { api } from '../support/apiClient.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { components } from '../../openapi/generated/types.ts';
import { expectContractResponse } from '../support/contract.ts';
import {
  lastRequest,
  startSandboxHarness,
  writesSince,
  type SandboxHarness,
} from '../support/sandboxHarness.ts';

type SyncResult = components['schemas']['SyncResult'];

let harness: SandboxHarness;
beforeEach(async () => {
  harness = await startSandboxHarness();
});
afterEach(() => harness.close());

function openPair() {
  const pair = harness.scenario.openPair;
  if (!pair) throw new Error('the sandbox seed has no open pair');
  return pair;
}

function syncDefender(incidentId: string) {
  return api(harness.app)
    .post('/api/v1/sync/defender-incident')
    .send({ tenantId: harness.scenario.tenantId, incidentId });
}

function syncSentinel(incidentArmId: string) {
  return api(harness.app).post('/api/v1/sync/sentinel-incident').send({ incidentArmId });
}

async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 5000) throw new Error('condition not met in 5 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('syncing a linked pair through the emulator', () => {
  it('closes Sentinel with the right pair when Defender resolves it as a false positive', async () => {
    const { defender, sentinel } = openPair();
    harness.emulator.state.editDefenderIncident(harness.scenario.tenantId, defender.id, {
      status: 'resolved',
      classification: 'falsePositive',
      determination: 'notMalicious',
    });

    const response = await syncDefender(defender.id);

    expect(response.status).toBe(200);
    expectContractResponse('SyncDefenderIncident', response);
    expect((response.body as SyncResult).outcome).toBe('written');
    expect(harness.emulator.state.getSentinelIncident(sentinel.name)?.properties).toMatchObject({
      status: 'Closed',
      classification: 'FalsePositive',
      classificationReason: 'IncorrectAlertLogic',
    });
    expect(harness.emulator.requests.apiVersions()).toEqual(['2025-09-01']);
  });

  it('carries a Sentinel owner and label change to Defender', async () => {
    const { defender, sentinel } = openPair();
    await syncDefender(defender.id);
    const current = harness.emulator.state.getSentinelIncident(sentinel.name)!;
    harness.emulator.state.editSentinelIncident(sentinel.name, {
      owner: { userPrincipalName: 'priya.nair@auroralab.example' },
      labels: [...(current.properties.labels ?? []), { labelName: 'vip-user' }],
    });

    const response = await syncSentinel(sentinel.id);

    expect(response.status).toBe(200);
    expectContractResponse('SyncSentinelIncident', response);
    const after = harness.emulator.state.getDefenderIncident(
      harness.scenario.tenantId,
      defender.id,
    );
    expect(after?.assignedTo).toBe('priya.nair@auroralab.example');
    expect(after?.customTags).toContain('vip-user');
    expect(
      (response.body as SyncResult).defender.changes.map((change) => change.field).sort(),
    ).toEqual(['assignedTo', 'customTags']);
  });

  it('writes nothing on a second sync right after the first (no echo)', async () => {
    const { defender, sentinel } = openPair();
    harness.emulator.state.editDefenderIncident(harness.scenario.tenantId, defender.id, {
      customTags: ['echo-test'],
    });
    await syncDefender(defender.id);

    const before = lastRequest(harness.emulator);
    const fromDefender = await syncDefender(defender.id);
    const fromSentinel = await syncSentinel(sentinel.id);

    expect((fromDefender.body as SyncResult).outcome).toBe('unchanged');
    expect((fromSentinel.body as SyncResult).outcome).toBe('unchanged');
    expect(writesSince(harness.emulator, before)).toEqual([]);
  });

  it('keeps both changes when a Sentinel edit lands between our read and our write (409)', async () => {
    const { defender, sentinel } = openPair();
    await syncDefender(defender.id);
    harness.emulator.state.editDefenderIncident(harness.scenario.tenantId, defender.id, {
      customTags: ['from-defender'],
    });
    // Hold our PUT until an analyst has saved in the Sentinel portal.
    const hold = harness.emulator.faults.add({
      api: 'arm',
      method: 'PUT',
      path: '**/incidents/*',
      action: { kind: 'delay', delayMs: 1000 },
      times: 1,
    });

    // supertest sends on then(); start the request now.
    const syncing = syncDefender(defender.id).then((response) => response);
    await until(
      () => harness.emulator.faults.list().find((rule) => rule.id === hold.id)?.fired === 1,
    );
    const labels =
      harness.emulator.state.getSentinelIncident(sentinel.name)!.properties.labels ?? [];
    harness.emulator.state.editSentinelIncident(sentinel.name, {
      labels: [...labels, { labelName: 'from-analyst' }],
    });
    const response = await syncing;

    expect(response.status).toBe(200);
    expect((response.body as SyncResult).attempts).toBe(2);
    expect(
      harness.emulator.requests.entries({ api: 'arm', method: 'PUT', status: 409 }),
    ).toHaveLength(1);

    const sentinelLabels = harness.emulator.state
      .getSentinelIncident(sentinel.name)!
      .properties.labels!.map((label) => label.labelName);
    expect(sentinelLabels).toEqual(expect.arrayContaining(['from-defender', 'from-analyst']));
    expect(
      harness.emulator.state.getDefenderIncident(harness.scenario.tenantId, defender.id)
        ?.customTags,
    ).toEqual(expect.arrayContaining(['from-defender', 'from-analyst']));
  });

  it('answers a Defender incident that does not exist with 404 and writes nothing', async () => {
    const before = lastRequest(harness.emulator);
    const response = await syncDefender('999999999');

    expect(response.status).toBe(404);
    expectContractResponse('SyncDefenderIncident', response);
    expect(writesSince(harness.emulator, before)).toEqual([]);
  });

  it('reports a Sentinel-only incident as unpaired without creating anything', async () => {
    const only = harness.scenario.sentinelOnly!;
    const before = lastRequest(harness.emulator);
    const response = await syncSentinel(only.id);

    expect(response.status).toBe(200);
    expect((response.body as SyncResult).outcome).toBe('unpaired');
    expect(writesSince(harness.emulator, before)).toEqual([]);
  });

  it('finds the pair by either id after a sync', async () => {
    const { defender, sentinel } = openPair();
    await syncDefender(defender.id);

    const bySentinel = await api(harness.app)
      .get('/api/v1/incident-links')
      .query({ sentinelIncidentArmId: sentinel.id.toUpperCase() });
    const byDefender = await api(harness.app)
      .get('/api/v1/incident-links')
      .query({ defenderIncidentId: defender.id });

    expect(bySentinel.status).toBe(200);
    expectContractResponse('GetIncidentLink', bySentinel);
    expect(byDefender.body).toEqual(bySentinel.body);
  });
});

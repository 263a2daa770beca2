/**
 * The reconcile sweep against the emulator, with the jobs it queues recorded instead of run:
 * a synced pair is left alone until one side changes behind incident-bridge's back, and then
 * it is queued, once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EnqueueSync, SyncJobs } from '../../src/sync/engine/syncJobs.ts';
import type { SyncTarget } from '../../src/sync/engine/syncJobPayload.ts';
import { ReconcileSweep } from '../../src/sync/reconcile/reconcileSweep.ts';
import { api } from '../support/apiClient.ts';
import { startSandboxHarness, type SandboxHarness } from '../support/sandboxHarness.ts';

let harness: SandboxHarness;
beforeEach(async () => {
  harness = await startSandboxHarness();
});
afterEach(() => harness.close());

/** Runs one sweep over the sandbox pair; answers the targets it queued. */
async function sweep(requests: EnqueueSync[] = []): Promise<SyncTarget[]> {
  const jobs = {
    enqueue: async (request: EnqueueSync) => {
      requests.push(request);
      return {};
    },
  } as unknown as SyncJobs;
  const pair = harness.services.pairs.all()[0]!;
  await new ReconcileSweep({ store: harness.services.store, jobs }).run(pair);
  return requests.map((request) => request.target);
}

function targetsOf(queued: SyncTarget[]): string[] {
  const { defender, sentinel } = harness.scenario.openPair!;
  return queued
    .filter((target) =>
      target.side === 'defender'
        ? target.incidentId === defender.id
        : target.incidentArmId.toLowerCase() === sentinel.id.toLowerCase(),
    )
    .map((target) => target.side);
}

describe('the reconcile sweep on a synced pair', () => {
  beforeEach(async () => {
    const response = await api(harness.app)
      .post('/api/v1/sync/sentinel-incident')
      .send({ incidentArmId: harness.scenario.openPair!.sentinel.id });
    expect(response.status).toBe(200);
  });

  it('queues nothing for it while neither side changed', async () => {
    expect(targetsOf(await sweep())).toEqual([]);
  });

  it('queues it from Defender once Defender changed behind its back', async () => {
    const { defender } = harness.scenario.openPair!;
    const edited = harness.emulator.state.editDefenderIncident(
      harness.scenario.tenantId,
      defender.id,
      { status: 'inProgress' },
    );
    const requests: EnqueueSync[] = [];

    expect(targetsOf(await sweep(requests))).toEqual(['defender']);
    const carried = requests.find((request) => request.copies?.defender?.id === defender.id);
    expect(carried?.copies?.defender?.lastUpdateDateTime).toBe(edited.lastUpdateDateTime);
  });

  it('queues it once Sentinel changed behind its back', async () => {
    const { sentinel } = harness.scenario.openPair!;
    harness.emulator.state.editSentinelIncident(sentinel.name, { severity: 'Low' });

    // Jobs for a linked pair share one subject whichever side names them; the sweep names
    // the pair from Defender, the side it compares first.
    expect(targetsOf(await sweep())).toEqual(['defender']);
  });
});

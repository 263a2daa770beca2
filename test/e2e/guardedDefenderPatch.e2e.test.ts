/**
 * A Defender write is guarded by reading the incident right before the PATCH, because Graph
 * takes no etag. When the PATCH is throttled or its answer is lost, the write must start over
 * from that read: sending the same PATCH again a second later would overwrite whatever an
 * analyst saved in the Defender portal in the meantime.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FaultAction } from '../../src/emulator/index.ts';
import { api } from '../support/apiClient.ts';
import { startSandboxHarness, type SandboxHarness } from '../support/sandboxHarness.ts';

let harness: SandboxHarness;
beforeEach(async () => {
  harness = await startSandboxHarness();
});
afterEach(() => harness.close());

async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 5) {
    if (waited > 5000) throw new Error('condition not met in 5 s');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Syncs a Sentinel label to Defender while the first PATCH fails, with an analyst's edit. */
async function syncWhileAnalystEdits(action: FaultAction) {
  const pair = harness.scenario.openPair!;
  const tenantId = harness.scenario.tenantId;
  await api(harness.app).post('/api/v1/sync/defender-incident').send({
    tenantId,
    incidentId: pair.defender.id,
  });
  const labels = harness.emulator.state.getSentinelIncident(pair.sentinel.name)!.properties.labels;
  harness.emulator.state.editSentinelIncident(pair.sentinel.name, {
    labels: [...(labels ?? []), { labelName: 'from-sentinel' }],
  });
  const failing = harness.emulator.faults.add({ api: 'graph', method: 'PATCH', action, times: 1 });

  const syncing = api(harness.app)
    .post('/api/v1/sync/sentinel-incident')
    .send({ incidentArmId: pair.sentinel.id })
    .then((response) => response);
  await until(
    () => harness.emulator.faults.list().find((rule) => rule.id === failing.id)?.fired === 1,
  );
  const tags = harness.emulator.state.getDefenderIncident(tenantId, pair.defender.id)!.customTags;
  harness.emulator.state.editDefenderIncident(tenantId, pair.defender.id, {
    customTags: [...(tags ?? []), 'from-analyst'],
  });
  const response = await syncing;

  const defenderTags = harness.emulator.state.getDefenderIncident(
    tenantId,
    pair.defender.id,
  )!.customTags;
  const sentinelLabels = harness.emulator.state
    .getSentinelIncident(pair.sentinel.name)!
    .properties.labels!.map((label) => label.labelName);
  return { response, defenderTags, sentinelLabels };
}

describe('a guarded Defender write that fails once', () => {
  it('keeps a Defender tag an analyst added while the throttled PATCH waited', async () => {
    const outcome = await syncWhileAnalystEdits({ kind: 'throttle', retryAfterSeconds: 1 });

    expect(outcome.response.status).toBe(200);
    expect(outcome.defenderTags).toEqual(expect.arrayContaining(['from-sentinel', 'from-analyst']));
    expect(outcome.sentinelLabels).toEqual(
      expect.arrayContaining(['from-sentinel', 'from-analyst']),
    );
  });

  it('keeps a Defender tag an analyst added after a PATCH whose answer was lost', async () => {
    const outcome = await syncWhileAnalystEdits({ kind: 'lostResponse' });

    expect(outcome.response.status).toBe(200);
    expect(outcome.defenderTags).toEqual(expect.arrayContaining(['from-sentinel', 'from-analyst']));
    expect(outcome.sentinelLabels).toEqual(
      expect.arrayContaining(['from-sentinel', 'from-analyst']),
    );
  });
});

/**
 * A sync queued by a poll takes the changed incident from the poll's listing instead of
 * reading it again; the side that did not change is still read. The change arrives whole.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api } from '../support/apiClient.ts';
import {
  lastRequest,
  startSandboxHarness,
  type SandboxHarness,
} from '../support/sandboxHarness.ts';

let harness: SandboxHarness;
beforeEach(async () => {
  harness = await startSandboxHarness();
  const response = await api(harness.app)
    .post('/api/v1/sync/sentinel-incident')
    .send({ incidentArmId: harness.scenario.openPair!.sentinel.id });
  expect(response.status).toBe(200);
});
afterEach(() => harness.close());

/** GETs of one incident after request `after`, by API. */
function incidentReads(after: number) {
  const { defender, sentinel } = harness.scenario.openPair!;
  const reads = harness.emulator.requests
    .entries({ method: 'GET' })
    .filter((entry) => entry.sequence > after);
  return {
    graph: reads.filter((entry) => entry.path.endsWith(`/security/incidents/${defender.id}`))
      .length,
    arm: reads.filter((entry) => entry.path.toLowerCase().endsWith(sentinel.name.toLowerCase()))
      .length,
  };
}

describe('a poll-driven sync', () => {
  it('reads only Sentinel when the poll listed a Defender change', async () => {
    const { defender, sentinel } = harness.scenario.openPair!;
    const tenantId = harness.scenario.tenantId;
    const tags = harness.emulator.state.getDefenderIncident(tenantId, defender.id)!.customTags;
    harness.emulator.state.editDefenderIncident(tenantId, defender.id, {
      customTags: [...(tags ?? []), 'from-poll'],
    });
    const before = lastRequest(harness.emulator);

    await harness.services.engine.pollNow();
    await expect
      .poll(() =>
        harness.emulator.state
          .getSentinelIncident(sentinel.name)!
          .properties.labels?.some((label) => label.labelName === 'from-poll'),
      )
      .toBe(true);

    expect(incidentReads(before)).toEqual({ graph: 0, arm: 1 });
  });

  it('reads only Defender when the poll listed a Sentinel change', async () => {
    const { defender, sentinel } = harness.scenario.openPair!;
    const tenantId = harness.scenario.tenantId;
    const labels = harness.emulator.state.getSentinelIncident(sentinel.name)!.properties.labels;
    harness.emulator.state.editSentinelIncident(sentinel.name, {
      labels: [...(labels ?? []), { labelName: 'from-sentinel-poll' }],
    });
    const before = lastRequest(harness.emulator);

    await harness.services.engine.pollNow();
    await expect
      .poll(() =>
        harness.emulator.state
          .getDefenderIncident(tenantId, defender.id)!
          .customTags?.includes('from-sentinel-poll'),
      )
      .toBe(true);

    // One read for the sync, one guarding the Defender write.
    expect(incidentReads(before)).toEqual({ graph: 2, arm: 0 });
  });
});

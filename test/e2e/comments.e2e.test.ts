/**
 * Comments both ways through the emulator: each carried once, never back, never twice, even
 * when an answer is lost after the write took effect; long ones split under the limit.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api } from '../support/apiClient.ts';
import { startSandboxHarness, type SandboxHarness } from '../support/sandboxHarness.ts';

let harness: SandboxHarness;
beforeEach(async () => {
  harness = await startSandboxHarness();
});
afterEach(() => harness.close());

function pair() {
  const open = harness.scenario.openPair;
  if (!open) throw new Error('the sandbox seed has no open pair');
  return open;
}

async function sync(): Promise<void> {
  const response = await api(harness.app)
    .post('/api/v1/sync/defender-incident')
    .send({ tenantId: harness.scenario.tenantId, incidentId: pair().defender.id });
  expect(response.status).toBe(200);
}

const sentinelMessages = () =>
  harness.emulator.state
    .getSentinelComments(pair().sentinel.name)
    .map((comment) => comment.properties.message);
const defenderTexts = () =>
  (
    harness.emulator.state.getDefenderIncident(harness.scenario.tenantId, pair().defender.id)
      ?.comments ?? []
  ).map((comment) => comment.comment ?? '');

describe('comments', () => {
  it('carries a Defender comment to Sentinel and a Sentinel comment to Defender, once each', async () => {
    await sync();
    harness.emulator.state.addDefenderComment(
      harness.scenario.tenantId,
      pair().defender.id,
      'Reset the user password',
    );
    harness.emulator.state.addSentinelComment(
      pair().sentinel.name,
      '<p>Escalated to <b>tier 2</b></p>',
    );

    await sync();
    await sync();
    await sync();

    expect(
      sentinelMessages().filter((message) => message.includes('Reset the user password')),
    ).toHaveLength(1);
    const carried = defenderTexts().filter((text) => text.includes('Escalated to tier 2'));
    expect(carried).toHaveLength(1);
    expect(carried[0]).toMatch(/^\[Sentinel\] .* at .*: Escalated to tier 2$/);
    expect(defenderTexts().filter((text) => text.includes('Reset the user password'))).toHaveLength(
      1,
    );
  });

  it('does not post a Defender comment twice when the answer to the first post was lost', async () => {
    await sync();
    harness.emulator.state.addSentinelComment(pair().sentinel.name, 'Contained the host');
    harness.emulator.faults.add({
      api: 'graph',
      method: 'POST',
      path: '**/comments',
      action: { kind: 'lostResponse' },
      times: 1,
    });

    await api(harness.app)
      .post('/api/v1/sync/defender-incident')
      .send({ tenantId: harness.scenario.tenantId, incidentId: pair().defender.id });
    await sync();

    expect(defenderTexts().filter((text) => text.includes('Contained the host'))).toHaveLength(1);
  });

  it('splits a comment over 30,000 characters into numbered parts without breaking a surrogate pair', async () => {
    await sync();
    const long = `${'Row of evidence é 😀 '.repeat(2500)}end`;
    harness.emulator.state.addDefenderComment(harness.scenario.tenantId, pair().defender.id, long);

    await sync();

    const parts = sentinelMessages().filter((message) => message.includes('Row of evidence'));
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(30_000);
      expect(part).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }
    expect(parts[0]).toContain(`(1/${parts.length})`);
  });
  it('carries a Sentinel comment added while the pair was syncing, though the sync stored its version', async () => {
    await sync();
    // The field sync's read of the Sentinel incident is held up; the comment lands meanwhile,
    // so the version the sync stores as synced already includes it.
    harness.emulator.faults.add({
      api: 'arm',
      method: 'GET',
      path: `**/incidents/${pair().sentinel.name}`,
      action: { kind: 'delay', delayMs: 400 },
      times: 1,
    });
    const commented = new Promise<void>((resolve) =>
      setTimeout(() => {
        harness.emulator.state.addSentinelComment(pair().sentinel.name, 'Isolated the laptop');
        resolve();
      }, 150),
    );

    await sync();
    await commented;

    expect(defenderTexts().filter((text) => text.includes('Isolated the laptop'))).toHaveLength(1);
  });
});

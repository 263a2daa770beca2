/**
 * When Sentinel's comments need listing. A sync lists them unless Sentinel has not changed
 * since every comment was last found carried (a Sentinel comment moves its incident's etag)
 * and Defender has no new comment either; a comment sync that failed half way lists again.
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
});
afterEach(() => harness.close());

const pair = () => harness.scenario.openPair!;

function syncDefender() {
  return api(harness.app)
    .post('/api/v1/sync/defender-incident')
    .send({ tenantId: harness.scenario.tenantId, incidentId: pair().defender.id });
}

/** Sentinel comment listings since request `after`. */
function commentListings(after: number): number {
  return harness.emulator.requests
    .entries({ api: 'arm', method: 'GET' })
    .filter((entry) => entry.sequence > after && entry.path.endsWith('/comments')).length;
}

function editDefenderTags(tag: string): void {
  const { tenantId } = harness.scenario;
  const tags = harness.emulator.state.getDefenderIncident(tenantId, pair().defender.id)!.customTags;
  harness.emulator.state.editDefenderIncident(tenantId, pair().defender.id, {
    customTags: [...(tags ?? []), tag],
  });
}

const defenderTexts = () =>
  (
    harness.emulator.state.getDefenderIncident(harness.scenario.tenantId, pair().defender.id)
      ?.comments ?? []
  ).map((comment) => comment.comment ?? '');

describe('listing Sentinel comments', () => {
  it('is skipped for a Defender change once every comment was carried', async () => {
    await syncDefender();
    await syncDefender();
    editDefenderTags('quiet-comments');
    const before = lastRequest(harness.emulator);

    const response = await syncDefender();

    expect(response.status).toBe(200);
    expect(commentListings(before)).toBe(0);
  });

  it('happens again once a Sentinel comment was added, which is then carried', async () => {
    await syncDefender();
    await syncDefender();
    harness.emulator.state.addSentinelComment(pair().sentinel.name, 'Isolated the laptop');
    const before = lastRequest(harness.emulator);

    await syncDefender();

    expect(commentListings(before)).toBe(1);
    expect(defenderTexts().filter((text) => text.includes('Isolated the laptop'))).toHaveLength(1);
  });

  it('happens again after a comment sync that failed half way', async () => {
    await syncDefender();
    await syncDefender();
    harness.emulator.state.addSentinelComment(pair().sentinel.name, 'Blocked the sender');
    harness.emulator.faults.add({
      api: 'graph',
      method: 'POST',
      path: '**/comments',
      action: { kind: 'status', status: 400 },
      times: 1,
    });

    const failed = await syncDefender();
    const retried = await syncDefender();

    expect(failed.status).toBeGreaterThanOrEqual(400);
    expect(retried.status).toBe(200);
    expect(defenderTexts().filter((text) => text.includes('Blocked the sender'))).toHaveLength(1);
  });
});

/**
 * The pollers' cursors: a side that stops changing must stop being listed once its last
 * change is older than the overlap, instead of listing that change again on every poll. The
 * pollers run on their own clock here, so an hour can pass between two polls.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logging/logger.ts';
import type { SyncJobs } from '../../src/sync/engine/syncJobs.ts';
import { DefenderPoller } from '../../src/sync/pollers/defenderPoller.ts';
import { SentinelPoller } from '../../src/sync/pollers/sentinelPoller.ts';
import { startSandboxHarness, type SandboxHarness } from '../support/sandboxHarness.ts';

let harness: SandboxHarness;
beforeEach(async () => {
  harness = await startSandboxHarness();
});
afterEach(() => harness.close());

/** Records what a poller queues instead of syncing it: this test is about what gets listed. */
function recordingJobs(): { jobs: SyncJobs; queued: string[] } {
  const queued: string[] = [];
  const jobs = {
    enqueue: async (request: { target: unknown }) => {
      queued.push(JSON.stringify(request.target));
      return {};
    },
  } as unknown as SyncJobs;
  return { jobs, queued };
}

type PollerClass = typeof DefenderPoller | typeof SentinelPoller;

/**
 * Polls three times on the poller's own clock: right after the edit, once the edit is older
 * than the overlap, and a minute later. Answers what the polls read and queued.
 */
async function pollPastTheOverlap(Poller: PollerClass) {
  const pair = harness.services.pairs.all()[0]!;
  let clock = Date.now() + 1_000;
  const { jobs, queued } = recordingJobs();
  const poller = new Poller(harness.services.store, jobs, silentLogger(), () => new Date(clock));

  const first = await poller.pollOnce(pair);
  clock += pair.config.intervals.pollOverlapMs + 60_000;
  await poller.pollOnce(pair);
  clock += 60_000;
  const third = await poller.pollOnce(pair);
  return { first, third, queued, clock };
}

describe('poll cursors on a side that went quiet', () => {
  it('stop listing the last Defender change once it is older than the overlap', async () => {
    const { defender } = harness.scenario.openPair!;
    harness.emulator.state.editDefenderIncident(harness.scenario.tenantId, defender.id, {
      customTags: ['quiet-side'],
    });

    const { first, third, queued, clock } = await pollPastTheOverlap(DefenderPoller);

    expect(first.read).toBeGreaterThan(0);
    expect(queued.filter((target) => target.includes(defender.id))).toHaveLength(1);
    expect(third.read).toBe(0);
    expect(Date.parse(third.cursor)).toBe(clock);
  });

  it('stop listing the last Sentinel change once it is older than the overlap', async () => {
    const { sentinel } = harness.scenario.openPair!;
    harness.emulator.state.editSentinelIncident(sentinel.name, { severity: 'High' });

    const { first, third, queued, clock } = await pollPastTheOverlap(SentinelPoller);

    expect(first.read).toBeGreaterThan(0);
    expect(queued.filter((target) => target.includes(sentinel.name))).toHaveLength(1);
    expect(third.read).toBe(0);
    expect(Date.parse(third.cursor)).toBe(clock);
  });
});

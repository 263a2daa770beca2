/**
 * How close the engine comes to the quota-limited optimum when 5,000 Defender changes queue
 * up at once: budgets at the documented quotas (the config defaults), the emulator enforcing
 * the same quotas with 429s, the whole engine running (pollers, reconcile sweep, job worker)
 * at production intervals, in compressed time. Run with `npm run bench -- --only=drain`.
 */
import { performance } from 'node:perf_hooks';
import { DEFAULT_BUDGET_SPECS } from '../src/clients/budgets/budgetSpecs.ts';
import type { RunningEmulator } from '../src/emulator/index.ts';
import { reportFigures } from './support/benchFigures.ts';
import { BENCH_TENANT, benchDefenderId } from './support/benchSeed.ts';
import { startBenchWorld } from './support/benchWorld.ts';
import { countCalls, type CallCounts } from './support/callCounts.ts';
import { addServiceQuotas, SERVICE_QUOTAS } from './support/serviceQuotas.ts';
import { startVirtualTime } from './support/virtualTime.ts';

const CHANGES = Number(process.env['BENCH_DRAIN_CHANGES'] ?? 5_000);
const TARGET_SHARE = 0.9;
const HOUR_MS = 3_600_000;

// Virtual time waits while the emulator is serving; the emulator starts after the clock.
const served: { emulator?: RunningEmulator } = {};
const time = startVirtualTime({ busy: () => (served.emulator?.inFlight() ?? 0) > 0 });
const realStarted = performance.now();

const world = await startBenchWorld({ pairs: CHANGES, background: true, linked: true });
served.emulator = world.emulator;
addServiceQuotas(world.emulator);

const startedAt = time.clock.now;
for (let index = 0; index < CHANGES; index += 1) {
  world.emulator.state.editDefenderIncident(BENCH_TENANT, benchDefenderId(index), {
    status: 'inProgress',
  });
}

// Done when every change reached Sentinel; checked once a simulated minute.
const writesDone = () =>
  world.emulator.requests.entries({ api: 'arm', method: 'PUT', status: 200 }).length >= CHANGES;
let lastCheck = 0;
await time.until(() => {
  if (time.clock.now - lastCheck < 60_000) return false;
  lastCheck = time.clock.now;
  return writesDone();
}, 24 * HOUR_MS);

const entries = world.emulator.requests.entries();
const puts = entries.filter(
  (entry) => entry.api === 'arm' && entry.method === 'PUT' && entry.status === 200,
);
const finishedAt = Date.parse(puts[CHANGES - 1]?.time ?? '');
const throttled = entries.filter((entry) => entry.status === 429).length;
const counts = countCalls(entries);
await world.close();
await time.stop();

const writeQuota = SERVICE_QUOTAS.sentinelIncidentWrite;
const optimumMs = (CHANGES / writeQuota.points) * writeQuota.windowMs;
const drainMs = finishedAt - startedAt;
const share = optimumMs / drainMs;
const budget = DEFAULT_BUDGET_SPECS.sentinelWrite[0];

reportFigures({
  bench: 'drain',
  title: 'Backlog drain at the real quotas',
  method: [
    `${CHANGES.toLocaleString('en-US')} linked pairs each change on the Defender side at once;`,
    'each needs one Sentinel incident PUT, so the bottleneck is Sentinel incident writes, whose',
    `quota is ${writeQuota.points} per ${writeQuota.windowMs / 60_000} minutes: the optimum is`,
    `changes / quota rate = ${(optimumMs / HOUR_MS).toFixed(2)} h. The engine runs whole (pollers`,
    'every 60 s with a 10-minute overlap, reconcile sweep hourly, 4 worker lanes) with the',
    'budgets at their defaults. The emulator, in the same process, enforces the quotas of',
    'sync-semantics and peers.md with 429s: Graph 150 a minute; Sentinel incident PUTs and',
    'comment PUTs 75, comment lists 100, per 5 minutes; other ARM reads 250 per 10 s (the ARM',
    'bucket of 250 refilled at 25/s). Time is compressed with @sinonjs/fake-timers: Date and',
    'timers are simulated for the whole process and the clock moves only while no request is',
    'in flight. Drain time runs from the edits to the last change written to Sentinel.',
  ].join(' '),
  figures: [
    {
      name: `${CHANGES.toLocaleString('en-US')} Defender changes: drain time against the optimum`,
      value: share * 100,
      unit: `% of optimum (${(drainMs / HOUR_MS).toFixed(2)} h against ${(optimumMs / HOUR_MS).toFixed(2)} h)`,
      target: `>= ${TARGET_SHARE * 100}%`,
      met: share >= TARGET_SHARE,
    },
    {
      name: '429 answers that reached incident-bridge',
      value: throttled,
      unit: '429s',
      target: '0',
      met: throttled === 0,
    },
  ],
  details: [
    `Calls made in the run: ${describeCounts(counts)}.`,
    `The Sentinel write budget is ${budget?.points} per ${(budget?.windowMs ?? 0) / 60_000}`,
    `minutes, paced as a small burst and an even refill, so it never exceeds the quota in any`,
    `window. Simulated ${(drainMs / HOUR_MS).toFixed(2)} h took`,
    `${((performance.now() - realStarted) / 1000).toFixed(0)} s of real time.`,
  ].join(' '),
});

function describeCounts(calls: CallCounts): string {
  return [
    `Graph ${calls.graphList} list pages, ${calls.graphGet} gets, ${calls.graphPatch} PATCHes`,
    `ARM ${calls.armList} list pages, ${calls.armGet} gets, ${calls.armPut} PUTs,`,
    `${calls.armCommentList} comment lists`,
    `${calls.token} token requests`,
  ].join('; ');
}

/**
 * What a change costs in Microsoft calls: for 100, 1,000 and 10,000 changes spread over as
 * many linked pairs, the Graph and ARM calls the engine makes against the emulator (its
 * request log), per change, beside the lower bound (one write per side that changed plus the
 * poller list pages that discover the changes), and the echo writes (writes beyond one per
 * changed side, or made for a change we caused). Run with `npm run bench -- --only=sync`.
 */
import { performance } from 'node:perf_hooks';
import { GRAPH_INCIDENTS_MAX_TOP } from '../src/clients/graphSecurityClient.ts';
import type { RequestLogEntry } from '../src/emulator/index.ts';
import { reportFigures, type FigureInput } from './support/benchFigures.ts';
import { BENCH_PAIR, startBenchWorld, UNLIMITED_BUDGETS } from './support/benchWorld.ts';
import { benchDefenderId, benchIncidentName } from './support/benchSeed.ts';
import { countCalls, incidentWrites, remoteCalls, type CallCounts } from './support/callCounts.ts';
import { editPair, misalignedPairs, type EditTally } from './support/pairEdits.ts';
import { untilJobsDone } from './support/untilJobsDone.ts';

const SIZES = (process.env['BENCH_SYNC_SIZES'] ?? '100,1000,10000').split(',').map(Number);
const TARGET_RATIO = 1.3;
/** Sentinel list pages hold up to 1,000 incidents. */
const SENTINEL_PAGE = 1000;

interface SizeResult {
  changes: number;
  tally: EditTally;
  counts: CallCounts;
  lowerBound: number;
  echoWrites: number;
  missingWrites: number;
  echoQueued: number;
  misaligned: number;
  dead: number;
  seconds: number;
}

async function measure(size: number): Promise<SizeResult> {
  const world = await startBenchWorld({
    pairs: size,
    budgets: UNLIMITED_BUDGETS,
    workerConcurrency: 8,
    requestLogSize: 2_000_000,
    linked: true,
  });
  try {
    const { store } = world.services;
    const pollCycle = () => world.services.engine.pollNow(BENCH_PAIR);

    // A first cycle sets the cursors to now: from here on, only the edits below are changes.
    await pollCycle();
    world.emulator.requests.clear();
    const tally: EditTally = { defenderChanges: 0, sentinelChanges: 0 };
    for (let index = 0; index < size; index += 1) editPair(world.emulator, index, tally);

    const started = performance.now();
    await pollCycle();
    const { dead } = await untilJobsDone(store);
    const echoQueued = await pollCycle();
    await untilJobsDone(store);
    const seconds = (performance.now() - started) / 1000;

    const entries = world.emulator.requests.entries();
    const writes = writesPerPair(entries, size);
    const changes = tally.defenderChanges + tally.sentinelChanges;
    return {
      changes,
      tally,
      counts: countCalls(entries),
      lowerBound:
        changes +
        Math.max(1, Math.ceil(tally.defenderChanges / GRAPH_INCIDENTS_MAX_TOP)) +
        Math.max(1, Math.ceil(tally.sentinelChanges / SENTINEL_PAGE)),
      ...compareWrites(writes, size),
      echoQueued,
      misaligned: misalignedPairs(world.emulator, size).length,
      dead,
      seconds,
    };
  } finally {
    await world.close();
  }
}

/** Incident writes each pair received, by side, read from the paths of the request log. */
function writesPerPair(entries: RequestLogEntry[], size: number) {
  const byName = new Map<string, number>();
  const byDefenderId = new Map<string, number>();
  for (let index = 0; index < size; index += 1) {
    byName.set(benchIncidentName(index), index);
    byDefenderId.set(benchDefenderId(index), index);
  }
  const sentinel = new Array<number>(size).fill(0);
  const defender = new Array<number>(size).fill(0);
  for (const entry of entries) {
    if (entry.status < 200 || entry.status >= 300) continue;
    const last = entry.path.split('/').pop() ?? '';
    if (entry.api === 'arm' && entry.method === 'PUT' && !entry.path.includes('/comments/')) {
      const index = byName.get(last);
      if (index !== undefined) sentinel[index] = (sentinel[index] ?? 0) + 1;
    }
    if (entry.api === 'graph' && entry.method === 'PATCH') {
      const index = byDefenderId.get(last);
      if (index !== undefined) defender[index] = (defender[index] ?? 0) + 1;
    }
  }
  return { sentinel, defender };
}

/** Writes beyond one per changed side (echoes) and changed sides left unwritten. */
function compareWrites(writes: { sentinel: number[]; defender: number[] }, size: number) {
  let echoWrites = 0;
  let missingWrites = 0;
  for (let index = 0; index < size; index += 1) {
    const kind = index % 5;
    const expected = {
      sentinel: kind === 0 || kind === 1 || kind === 4 ? 1 : 0,
      defender: kind === 2 || kind === 3 || kind === 4 ? 1 : 0,
    };
    for (const side of ['sentinel', 'defender'] as const) {
      const actual = writes[side][index] ?? 0;
      echoWrites += Math.max(0, actual - expected[side]);
      missingWrites += Math.max(0, expected[side] - actual);
    }
  }
  return { echoWrites, missingWrites };
}

function breakdown(result: SizeResult): string {
  const { counts } = result;
  const parts = [
    `Graph: ${counts.graphList} list, ${counts.graphGet} get, ${counts.graphPatch} PATCH, ` +
      `${counts.graphComment} comment, ${counts.graphUser} user`,
    `ARM: ${counts.armList} list, ${counts.armGet} get, ${counts.armPut} PUT, ` +
      `${counts.armCommentList} comment list, ${counts.armCommentPut} comment PUT, ` +
      `${counts.armOther} other`,
  ];
  return (
    `| ${result.changes.toLocaleString('en-US')} | ${result.tally.defenderChanges} / ` +
    `${result.tally.sentinelChanges} | ${remoteCalls(counts).toLocaleString('en-US')} | ` +
    `${result.lowerBound.toLocaleString('en-US')} | ${incidentWrites(counts)} | ` +
    `${parts.join('; ')} | ${counts.token} | ${result.seconds.toFixed(1)} s |`
  );
}

const results: SizeResult[] = [];
for (const size of SIZES) {
  const result = await measure(size);
  results.push(result);
  console.log(`${size} changes: ${breakdown(result)}`);
  if (result.misaligned > 0 || result.dead > 0 || result.missingWrites > 0) {
    throw new Error(
      `${size} changes: ${result.misaligned} pairs misaligned, ${result.dead} dead jobs, ` +
        `${result.missingWrites} writes missing`,
    );
  }
}

const figures: FigureInput[] = results.flatMap((result) => {
  const perChange = remoteCalls(result.counts) / result.changes;
  const bound = result.lowerBound / result.changes;
  const label = `${result.changes.toLocaleString('en-US')} changes`;
  return [
    {
      name: `${label}: Graph + ARM calls per change`,
      value: perChange,
      unit: 'calls',
      baseline: { name: 'lower bound', value: bound },
      target: `<= ${TARGET_RATIO} x lower bound (${(perChange / bound).toFixed(2)} x)`,
      met: perChange <= TARGET_RATIO * bound,
    },
    {
      name: `${label}: echo writes (and jobs queued by our own writes)`,
      value: result.echoWrites + result.echoQueued,
      unit: `writes (${result.echoWrites} writes, ${result.echoQueued} jobs)`,
      target: '0',
      met: result.echoWrites + result.echoQueued === 0,
    },
  ];
});

reportFigures({
  bench: 'sync',
  title: 'Sync cost',
  method: [
    'In one process: the emulator seeded with as many aligned pairs as changes, linked in the',
    "store as a first sync leaves them, and incident-bridge's real services against it (Azure",
    "SDK clients over HTTPS, SQLite store, the engine's job worker, 8 lanes). Budgets are",
    "raised out of reach: this benchmark counts calls, not time. The engine's two pollers",
    '(the same classes the engine runs) are driven by hand: a cycle to start the cursors, the',
    'edits (one per pair; a fifth of the pairs change on both sides), a cycle that finds them,',
    'the worker draining the queue, and a second cycle that must find nothing to do (its list',
    'pages, which read our own writes back, are counted). Lower bound: one write per changed',
    `side, plus ceil(Defender changes / ${GRAPH_INCIDENTS_MAX_TOP}) Graph list pages and`,
    `ceil(Sentinel changes / ${SENTINEL_PAGE}) ARM list pages. Every pair is checked aligned`,
    'at the end. Echo writes: writes to a pair beyond one per side that changed there.',
  ].join(' '),
  figures,
  details: [
    '| changes | Defender / Sentinel sides | calls | lower bound | writes | calls by kind | token requests | time |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...results.map(breakdown),
  ].join('\n'),
});

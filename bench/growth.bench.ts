/**
 * How mapping and sync time grow with the incident: 10, 100 and 1,000 alerts and as many
 * entities. Reports the time per item at each size and the ratio time(1,000) / time(100),
 * which is 10 for linear growth. Run with `npm run bench -- --only=growth`.
 */
import { performance } from 'node:perf_hooks';
import { ContractValidator } from '../api/validation/contractValidator.ts';
import { mapDefenderToSentinel } from '../src/mapping/mapDefenderToSentinel.ts';
import { readDefenderIncident } from '../src/mapping/readDefenderIncident.ts';
import { largeGraphIncident } from '../test/support/largeIncident.ts';
import { reportFigures, type FigureInput } from './support/benchFigures.ts';
import { BENCH_TENANT, benchDefenderId } from './support/benchSeed.ts';
import { startBenchWorld, UNLIMITED_BUDGETS } from './support/benchWorld.ts';

const SIZES = [10, 100, 1000];
const MAP_BUDGET_MS = 1_500;
const SYNCS_PER_SIZE = 25;
const SYNC_WARMUPS = 3;
const LINEAR_RATIO = 10;

interface Runs {
  warmups: number;
  atLeast: number;
  /** Keep running until this much time has passed. */
  budgetMs: number;
}

/** Median duration of `work` in ms, after warm-up runs. */
async function medianMs(work: () => unknown, runs: Runs): Promise<number> {
  for (let run = 0; run < runs.warmups; run += 1) await work();
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < runs.atLeast || performance.now() - started < runs.budgetMs) {
    const at = performance.now();
    await work();
    samples.push(performance.now() - at);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? 0;
}

/** What MapDefenderIncident does with a body: check it against the contract, read, map, answer. */
const contract = new ContractValidator();
const validateBody = contract.for('MapDefenderIncident').body;
function mapOnce(body: unknown): string {
  if (validateBody && !validateBody(body)) throw new Error('the generated incident is invalid');
  const reading = readDefenderIncident(body as Parameters<typeof readDefenderIncident>[0], 'graph');
  return JSON.stringify(mapDefenderToSentinel(reading.incident));
}

async function mapTime(size: number): Promise<number> {
  const body = JSON.parse(JSON.stringify(largeGraphIncident({ alerts: size, entities: size })));
  return medianMs(() => mapOnce(body), { warmups: 5, atLeast: 5, budgetMs: MAP_BUDGET_MS });
}

/** A Defender change synced through the API's entry point: both sides read, Sentinel PUT. */
async function syncTime(size: number): Promise<number> {
  const world = await startBenchWorld({
    pairs: SYNCS_PER_SIZE + SYNC_WARMUPS,
    alerts: size,
    budgets: UNLIMITED_BUDGETS,
    linked: true,
  });
  try {
    let next = 0;
    return await medianMs(
      async () => {
        const incidentId = benchDefenderId(next);
        next += 1;
        world.emulator.state.editDefenderIncident(BENCH_TENANT, incidentId, {
          customTags: [`grown-${size}`],
        });
        const outcome = await world.services.sync.syncDefenderIncident(BENCH_TENANT, incidentId, {
          trigger: 'bench',
        });
        if (outcome.outcome !== 'written') throw new Error(`sync ${outcome.outcome}`);
      },
      { warmups: SYNC_WARMUPS, atLeast: SYNCS_PER_SIZE, budgetMs: 0 },
    );
  } finally {
    await world.close();
  }
}

const maps: number[] = [];
const syncs: number[] = [];
for (const size of SIZES) {
  maps.push(await mapTime(size));
  syncs.push(await syncTime(size));
}

function growthFigures(what: string, times: number[]): FigureInput[] {
  const perItem = times.map((ms, index) => (ms * 1000) / (SIZES[index] ?? 1));
  const ratio = (times[2] ?? 0) / (times[1] ?? 1);
  return [
    ...SIZES.map((size, index) => ({
      name: `${what}, ${size.toLocaleString('en-US')} alerts and entities: time per item`,
      value: perItem[index] ?? 0,
      unit: `µs (${(times[index] ?? 0).toFixed(2)} ms each)`,
    })),
    {
      name: `${what}: time(1,000) / time(100)`,
      value: ratio,
      unit: 'x',
      baseline: { name: 'linear', value: LINEAR_RATIO },
      target: `<= ${LINEAR_RATIO} (linear or better)`,
      met: ratio <= LINEAR_RATIO,
    },
  ];
}

reportFigures({
  bench: 'growth',
  title: 'Growth with incident size',
  method: [
    'Incidents with 10, 100 and 1,000 alerts, each alert naming one entity in its evidence',
    '(test/support/largeIncident.ts for mapping, the same shape in the emulator for sync), and',
    'as many entities on the Sentinel twin. Map: what MapDefenderIncident does with the body',
    '(contract validation, read, map, JSON answer), in process, median over 1.5 s of runs.',
    `Sync: a Defender tag change synced through the API's entry point (both sides read,`,
    `comments listed, one Sentinel PUT) against the in-process emulator, median of`,
    `${SYNCS_PER_SIZE} syncs on distinct pairs. Graph and ARM serve incidents without their`,
    'alerts and entities (those are separate reads), so sync does not grow with them.',
  ].join(' '),
  figures: [...growthFigures('map', maps), ...growthFigures('sync', syncs)],
});

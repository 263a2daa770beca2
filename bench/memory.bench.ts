/**
 * incident-bridge's memory with 100,000 linked pairs: RSS and heap once the links are in the
 * store (and the incidents in the emulator), and at their peak while a poll cycle reads every
 * incident of both sides and while the reconcile sweep compares them all. The emulator runs
 * in a process of its own, so only incident-bridge is measured; the runner starts this one
 * with --expose-gc. Run with `npm run bench -- --only=memory`.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { silentLogger } from '../src/logging/logger.ts';
import { buildServices, closeServices } from '../src/service/startService.ts';
import { reportFigures, type FigureInput } from './support/benchFigures.ts';
import { BENCH_PAIR, benchConfig, UNLIMITED_BUDGETS } from './support/benchWorld.ts';
import type { EmulatorProcessReady } from './support/emulatorProcess.ts';
import { MemorySampler, megabytes } from './support/memorySampler.ts';

const PAIRS = Number(process.env['BENCH_MEMORY_PAIRS'] ?? 100_000);
const TARGET_MB = 300;
const EMULATOR = fileURLToPath(new URL('./support/emulatorProcess.ts', import.meta.url));

const folder = mkdtempSync(join(tmpdir(), 'incident-bridge-bench-memory-'));
const storePath = join(folder, 'store.db');
const emulator = fork(EMULATOR, [String(PAIRS), storePath], {
  execArgv: ['--import', 'tsx', '--max-old-space-size=8192'],
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const ready = await new Promise<EmulatorProcessReady>((resolve, reject) => {
  emulator.once('message', (message) => resolve(message as EmulatorProcessReady));
  emulator.once('exit', (code) => reject(new Error(`the emulator exited with ${code}`)));
});

const sampler = new MemorySampler();
const started = sampler.settled();
const services = await buildServices({
  config: benchConfig(ready.url, storePath, { budgets: UNLIMITED_BUDGETS }),
  trustedCaCertPem: ready.caCertPem,
  logger: silentLogger(),
  background: false,
});
const linked = sampler.settled();

sampler.start();
const queuedByPoll = await services.engine.pollNow(BENCH_PAIR);
const polling = sampler.stop();

sampler.start();
const [sweep] = await services.engine.reconcileNow(BENCH_PAIR);
const sweeping = sampler.stop();
const after = sampler.settled();

await closeServices(services);
emulator.disconnect();
rmSync(folder, { recursive: true, force: true });

const within = (rssBytes: number) => megabytes(rssBytes) < TARGET_MB;
const pairs = PAIRS.toLocaleString('en-US');
const figures: FigureInput[] = [
  {
    name: `${pairs} pairs linked, service idle: RSS`,
    value: megabytes(linked.rss),
    unit: `MB (heap used ${megabytes(linked.heapUsed).toFixed(0)} MB)`,
    target: `< ${TARGET_MB} MB`,
    met: within(linked.rss),
  },
  {
    name: `poll cycle over all ${pairs} pairs (both sides): peak RSS`,
    value: megabytes(polling.rss),
    unit: `MB (peak heap used ${megabytes(polling.heapUsed).toFixed(0)} MB)`,
    target: `< ${TARGET_MB} MB`,
    met: within(polling.rss),
  },
  {
    name: `reconcile sweep over all ${pairs} pairs: peak RSS`,
    value: megabytes(sweeping.rss),
    unit: `MB (peak heap used ${megabytes(sweeping.heapUsed).toFixed(0)} MB)`,
    target: `< ${TARGET_MB} MB`,
    met: within(sweeping.rss),
  },
];

reportFigures({
  bench: 'memory',
  title: `Memory with ${pairs} linked pairs`,
  method: [
    `The emulator, in a process of its own, holds ${pairs} Defender incidents and their`,
    `Sentinel twins, all changed just now, and the links are in incident-bridge's SQLite store`,
    'as a first sync leaves them (links in the store and incidents in the emulator). This',
    "process, started with --expose-gc, then builds incident-bridge's services (store, clients,",
    'engine, enrichment providers) and runs, through the engine, one poll cycle, whose',
    'windows hold every incident of both sides, and one reconcile sweep. RSS and heap are',
    'sampled every 50 ms; idle figures are taken after a garbage collection. Budgets are',
    'raised for this benchmark: it measures memory, not pacing.',
  ].join(' '),
  figures,
  details: [
    `Process before the services were built: RSS ${megabytes(started.rss).toFixed(0)} MB.`,
    `After the sweep, collected: RSS ${megabytes(after.rss).toFixed(0)} MB, heap used`,
    `${megabytes(after.heapUsed).toFixed(0)} MB. The poll cycle queued ${queuedByPoll} jobs;`,
    `the sweep compared ${sweep?.compared ?? 0} incidents and queued ${sweep?.queued ?? 0}.`,
  ].join(' '),
});

/**
 * Sync throughput at 1, 2 and 3 replicas sharing one PostgreSQL database. For each count a
 * fresh schema and emulator hold PAIRS linked-to-be pairs; every Defender incident is then
 * resolved at once, and the clock runs until every Sentinel twin shows the closure. Budgets
 * and emulator quotas are lifted, so the figure is what the replicas themselves sustain (on
 * this machine, they share its cores with the emulator and the database).
 * Run with `npm run bench:replicas` (needs PostgreSQL, TEST_DATABASE_URL or the local server).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../src/emulator/index.ts';
import { openStore } from '../src/store/openStore.ts';
import { chaosConfig } from '../test/chaos/chaosHarness.ts';
import {
  CHAOS_TENANT,
  chaosDefenderId,
  chaosIncidentName,
  chaosSeed,
} from '../test/chaos/chaosSeed.ts';
import { ServiceProcess } from '../test/chaos/serviceProcess.ts';
import { reportFigures } from './support/benchFigures.ts';
import { dropSchema, freshSchemaName, TEST_DATABASE_URL } from '../test/support/storeBackends.ts';

const PAIRS = Number(process.env['BENCH_PAIRS'] ?? 600);
const REPLICA_COUNTS = [1, 2, 3];
const LIFTED = [{ points: 1_000_000, windowMs: 10_000 }];

interface ThroughputRow {
  replicas: number;
  pairs: number;
  seconds: number;
  syncsPerSecond: number;
}

const rows: ThroughputRow[] = [];
for (const replicas of REPLICA_COUNTS) rows.push(await measure(replicas));

const single = rows[0]?.syncsPerSecond ?? 1;
reportFigures({
  bench: 'replicaThroughput',
  title: `Sync throughput at 1, 2 and 3 replicas on PostgreSQL, ${PAIRS} changes`,
  method: [
    `${PAIRS} pairs are linked first; then every Defender incident changes at once and the`,
    'clock runs until every Sentinel twin shows it. Each replica is its own process on',
    'loopback against one PostgreSQL schema; budgets and emulator quotas are lifted, so this',
    'is what the replicas sustain. The emulator (one process) and PostgreSQL share the same',
    'cores, so past the core count more replicas compete rather than add.',
  ].join(' '),
  figures: rows.map((row) => ({
    name: `${row.replicas} replica(s), ${row.seconds} s`,
    value: row.syncsPerSecond,
    unit: 'syncs/s',
    ...(row.replicas > 1 ? { baseline: { name: '1 replica', value: single } } : {}),
  })),
});

async function measure(replicas: number): Promise<ThroughputRow> {
  const folder = mkdtempSync(join(tmpdir(), 'incident-bridge-bench-replicas-'));
  const schema = freshSchemaName();
  const emulator = await startEmulator({ seed: chaosSeed(PAIRS), requestLogSize: 10 });
  const caPath = join(folder, 'ca.pem');
  writeFileSync(caPath, emulator.caCertPem);

  const processes = Array.from({ length: replicas }, (_, index) => {
    const config = chaosConfig({
      emulatorUrl: emulator.url,
      caPath,
      store: { databaseUrl: TEST_DATABASE_URL, schema },
      engine: { replicaId: `bench-${index + 1}`, replicas, workerConcurrency: 6 },
    }) as { budgets: Record<string, unknown> };
    for (const kind of Object.keys(config.budgets)) config.budgets[kind] = LIFTED;
    const path = join(folder, `replica-${index + 1}.json`);
    writeFileSync(path, JSON.stringify(config));
    return new ServiceProcess(path, 45_000 + replicas * 10 + index, join(folder, `${index}.log`));
  });

  try {
    for (const process of processes) await process.start();
    // Let the reconcile sweep link every pair, so the timed part is pure change traffic.
    await untilLinked(schema, 180_000);

    const started = Date.now();
    for (let index = 0; index < PAIRS; index += 1) {
      emulator.state.editDefenderIncident(CHAOS_TENANT, chaosDefenderId(index), {
        status: 'inProgress',
      });
    }
    await untilAll(emulator, (index) => sentinelStatus(emulator, index) === 'Active', 300_000);
    const seconds = (Date.now() - started) / 1000;
    return {
      replicas,
      pairs: PAIRS,
      seconds: Number(seconds.toFixed(2)),
      syncsPerSecond: Number((PAIRS / seconds).toFixed(1)),
    };
  } finally {
    await Promise.all(processes.map((process) => process.stop()));
    await emulator.close();
    await dropSchema(schema).catch(() => undefined);
    rmSync(folder, { recursive: true, force: true });
  }
}

function sentinelStatus(emulator: RunningEmulator, index: number): string | undefined {
  return emulator.state.getSentinelIncident(chaosIncidentName(index))?.properties.status;
}

async function untilLinked(schema: string, timeoutMs: number): Promise<void> {
  const store = await openStore({ sqlitePath: ':memory:', databaseUrl: TEST_DATABASE_URL, schema });
  try {
    const deadline = Date.now() + timeoutMs;
    while ((await store.listLinks('chaos')).length < PAIRS) {
      if (Date.now() > deadline) throw new Error('the pairs were not linked in time');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await store.close();
  }
}

async function untilAll(
  emulator: RunningEmulator,
  done: (index: number) => boolean,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let pending = 0;
    for (let index = 0; index < PAIRS; index += 1) if (!done(index)) pending += 1;
    if (pending === 0) return;
    if (Date.now() > deadline) throw new Error(`${pending} pairs did not get there in time`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

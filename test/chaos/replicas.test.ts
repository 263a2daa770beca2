/**
 * Three replicas of incident-bridge, separate processes on loopback, share one PostgreSQL
 * database while the chaos workload edits both sides under faults. Mid-run the replica that
 * polls the pair dies by SIGKILL; its pair lease must move to a survivor, its leased jobs must
 * be taken over, and at the end every pair must match the model with no write lost or doubled
 * and no quota hit (each replica budgets a third of the quotas). Finally a survivor is stopped
 * gracefully and must hand its leases back at once.
 *
 * Replay a run with CHAOS_SEED=<seed> npm test -- test/chaos/replicas.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSeededRandom,
  startEmulator,
  type RunningEmulator,
} from '../../src/emulator/index.ts';
import { openStore } from '../../src/store/openStore.ts';
import type { Store } from '../../src/store/store.ts';
import {
  dropSchema,
  freshSchemaName,
  storeBackends,
  TEST_DATABASE_URL,
} from '../support/storeBackends.ts';
import { differences } from './chaosCheck.ts';
import { applyRandomEdit } from './chaosEdits.ts';
import {
  addFaults,
  addQuotas,
  chaosConfig,
  planUntilAllLinked,
  successfulWrites,
} from './chaosHarness.ts';
import { ChaosModel } from './chaosModel.ts';
import { chaosSeed } from './chaosSeed.ts';
import { ServiceProcess } from './serviceProcess.ts';

const SEED = Number(process.env['CHAOS_SEED'] ?? Math.floor(Math.random() * 1_000_000));
const PAIRS = 150;
const REPLICAS = 3;
const EDIT_PHASE_MS = 30_000;
const EDIT_EVERY_MS = 40;
const KILL_AT_MS = 12_000;
const PAIR_LEASE_MS = 3_000;
const CONVERGE_WITHIN_MS = 150_000;

// Three replicas need a database they can share: PostgreSQL (CI always has it).
const postgres = (await storeBackends()).some((backend) => backend.name === 'postgres');

let emulator: RunningEmulator;
let replicas: ServiceProcess[] = [];
let store: Store;
let folder: string;
const schema = freshSchemaName();

beforeAll(async () => {
  console.log(`replicas seed ${SEED} (replay with CHAOS_SEED=${SEED})`);
  folder = mkdtempSync(join(tmpdir(), 'incident-bridge-replicas-'));
  emulator = await startEmulator({
    seed: chaosSeed(PAIRS),
    faultSeed: SEED,
    requestLogSize: 2_000_000,
  });
  const caPath = join(folder, 'emulator-ca.pem');
  writeFileSync(caPath, emulator.caCertPem);

  replicas = Array.from({ length: REPLICAS }, (_, index) => {
    const replicaId = `replica-${index + 1}`;
    const config = chaosConfig({
      emulatorUrl: emulator.url,
      caPath,
      store: { databaseUrl: TEST_DATABASE_URL, schema },
      engine: {
        replicaId,
        replicas: REPLICAS,
        jobLeaseMs: PAIR_LEASE_MS,
        pairLeaseMs: PAIR_LEASE_MS,
        workerConcurrency: 3,
      },
    });
    const configPath = join(folder, `${replicaId}.json`);
    writeFileSync(configPath, JSON.stringify(config));
    const port = 44_000 + (SEED % 900) + index;
    return new ServiceProcess(configPath, port, join(folder, `${replicaId}.log`));
  });
  addQuotas(emulator);
}, 60_000);

afterAll(async () => {
  await Promise.all(replicas.map((replica) => replica.stop()));
  await store?.close();
  await emulator?.close();
  await dropSchema(schema).catch(() => undefined);
  if (process.env['CHAOS_KEEP'] !== '1') rmSync(folder, { recursive: true, force: true });
});

describe.runIf(postgres)('three replicas on PostgreSQL', () => {
  it(`converge ${PAIRS} pairs when the polling replica dies`, async () => {
    const random = createSeededRandom(SEED);
    const model = new ChaosModel(PAIRS);
    const faults = addFaults(emulator);
    // One at a time, so the first migrates and the others find the schema ready.
    for (const replica of replicas) await replica.start();
    store = await openStore({ sqlitePath: ':memory:', databaseUrl: TEST_DATABASE_URL, schema });
    const started = Date.now();

    let sequence = 0;
    let victim: ServiceProcess | undefined;
    let killedAt = 0;
    let movedInMs: number | undefined;
    while (Date.now() - started < EDIT_PHASE_MS) {
      applyRandomEdit(emulator, model, random, sequence++);
      if (!victim && Date.now() - started > KILL_AT_MS) {
        victim = await replicaPolling(store, replicas);
        await victim.kill();
        killedAt = Date.now();
      }
      if (victim && movedInMs === undefined) {
        const holder = await pairLeaseHolder(store);
        if (holder && holder !== replicaIdOf(victim, replicas)) movedInMs = Date.now() - killedAt;
      }
      await new Promise((resolve) => setTimeout(resolve, EDIT_EVERY_MS));
    }

    for (const rule of faults) emulator.faults.remove(rule);
    const editsDoneAt = Date.now();
    let remaining = differences(emulator, model);
    while (remaining.length > 0 && Date.now() - editsDoneAt < CONVERGE_WITHIN_MS) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      remaining = differences(emulator, model);
    }
    const convergedInMs = Date.now() - editsDoneAt;

    const survivors = replicas.filter((replica) => replica !== victim);
    const writes = successfulWrites(emulator);
    const changes = model.defenderFieldEdits + model.sentinelFieldEdits;
    const quotaHits = emulator.faults
      .list()
      .filter((rule) => rule.quota)
      .reduce((sum, rule) => sum + rule.fired, 0);
    const plan = await planUntilAllLinked(survivors[0]!.url, PAIRS);
    const syncsByReplica = Object.fromEntries(
      replicas.map((replica, index) => [`replica-${index + 1}`, syncsLogged(folder, index)]),
    );

    const leaving = survivors[0]!;
    const leavingId = replicaIdOf(leaving, replicas);
    await leaving.stop();
    const leftBehind = (await store.leases.holders()).filter((lease) => lease.owner === leavingId);

    console.log(
      JSON.stringify(
        {
          seed: SEED,
          pairs: PAIRS,
          edits: sequence,
          fieldEdits: changes,
          killed: victim && replicaIdOf(victim, replicas),
          pairLeaseMovedInMs: movedInMs,
          writes,
          writesPerChange: Number((writes.total / changes).toFixed(3)),
          quotaHits,
          convergedInMs,
          plannedAfter: plan,
          syncsByReplica,
        },
        null,
        2,
      ),
    );

    expect(remaining.slice(0, 10)).toEqual([]);
    expect(victim).toBeDefined();
    expect(movedInMs).toBeDefined();
    expect(writes.total).toBeLessThanOrEqual(changes);
    expect(quotaHits).toBe(0);
    expect(plan.planned).toBe(PAIRS);
    expect(plan.sentinelWrites + plan.defenderWrites).toBe(0);
    expect(Object.values(syncsByReplica).every((count) => count > 0)).toBe(true);
    expect(leftBehind).toEqual([]);
  }, 360_000);
});

async function pairLeaseHolder(target: Store): Promise<string | undefined> {
  const [lease] = await target.leases.live('pair:chaos');
  return lease?.owner;
}

/** The replica holding the pair's lease: killing it moves the polling elsewhere. */
async function replicaPolling(target: Store, all: ServiceProcess[]): Promise<ServiceProcess> {
  const holder = await pairLeaseHolder(target);
  const index = all.findIndex((_, position) => `replica-${position + 1}` === holder);
  return all[index === -1 ? 0 : index]!;
}

function replicaIdOf(replica: ServiceProcess, all: ServiceProcess[]): string {
  return `replica-${all.indexOf(replica) + 1}`;
}

/** Syncs a replica ran, from its structured log. */
function syncsLogged(dataDir: string, index: number): number {
  const log = readFileSync(join(dataDir, `replica-${index + 1}.log`), 'utf8');
  return log.split('\n').filter((line) => line.includes('"msg":"pair synced"')).length;
}

/**
 * The chaos run: several hundred linked pairs edited at random on both sides while the
 * emulator throttles (429 with Retry-After), fails (5xx), stalls past the client timeout,
 * answers 409 and loses answers after the write took effect, and while incident-bridge is
 * killed with SIGKILL and restarted. At the end every pair must match the independent model,
 * every comment must exist exactly once on each side, writes per change must stay at one or
 * below, and the service quotas the emulator enforces must never have been hit.
 *
 * Replay a run with CHAOS_SEED=<seed> npm test -- test/chaos.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSeededRandom,
  startEmulator,
  type RunningEmulator,
} from '../../src/emulator/index.ts';
import { differences } from './chaosCheck.ts';
import { applyRandomEdit } from './chaosEdits.ts';
import { ChaosModel } from './chaosModel.ts';
import {
  addFaults,
  addQuotas,
  chaosConfig,
  countBy,
  faultCounts,
  planUntilAllLinked,
  successfulWrites,
} from './chaosHarness.ts';
import { chaosSeed } from './chaosSeed.ts';
import { ServiceProcess } from './serviceProcess.ts';

const SEED = Number(process.env['CHAOS_SEED'] ?? Math.floor(Math.random() * 1_000_000));
const PAIRS = 300;
const EDIT_PHASE_MS = 40_000;
const EDIT_EVERY_MS = 40;
const KILLS = 3;
const CONVERGE_WITHIN_MS = 150_000;

let emulator: RunningEmulator;
let service: ServiceProcess;
let folder: string;

beforeAll(async () => {
  console.log(`chaos seed ${SEED} (replay with CHAOS_SEED=${SEED})`);
  folder = mkdtempSync(join(tmpdir(), 'incident-bridge-chaos-'));
  emulator = await startEmulator({
    seed: chaosSeed(PAIRS),
    faultSeed: SEED,
    requestLogSize: 2_000_000,
  });

  const caPath = join(folder, 'emulator-ca.pem');
  writeFileSync(caPath, emulator.caCertPem);
  const configPath = join(folder, 'config.json');
  const config = chaosConfig({
    emulatorUrl: emulator.url,
    caPath,
    store: { sqlitePath: join(folder, 'store.db') },
  });
  writeFileSync(configPath, JSON.stringify(config));
  service = new ServiceProcess(configPath, 43_000 + (SEED % 1000), join(folder, 'service.log'));
  addQuotas(emulator);
}, 60_000);

afterAll(async () => {
  await service?.stop();
  await emulator?.close();
  if (process.env['CHAOS_KEEP'] !== '1') rmSync(folder, { recursive: true, force: true });
});

describe('chaos', () => {
  it(`converges ${PAIRS} pairs under faults and crashes, with no lost or doubled change`, async () => {
    const random = createSeededRandom(SEED);
    const model = new ChaosModel(PAIRS);
    const faults = addFaults(emulator);
    const killAt = Array.from({ length: KILLS }, (_, slot) => {
      const share = EDIT_PHASE_MS / KILLS;
      return slot * share + 2_000 + random() * (share - 8_000);
    });
    await service.start();
    const started = Date.now();

    // Analysts keep editing while the service is down: a crash must not lose their changes.
    let sequence = 0;
    let kills = 0;
    let restarting: Promise<void> = Promise.resolve();
    while (Date.now() - started < EDIT_PHASE_MS) {
      applyRandomEdit(emulator, model, random, sequence++);
      if (kills < killAt.length && Date.now() - started > (killAt[kills] ?? Infinity)) {
        kills += 1;
        restarting = restarting.then(async () => {
          await service.kill();
          await service.start();
        });
      }
      await new Promise((resolve) => setTimeout(resolve, EDIT_EVERY_MS));
    }
    await restarting;

    for (const rule of faults) emulator.faults.remove(rule);
    const editsDoneAt = Date.now();
    let remaining = differences(emulator, model);
    while (remaining.length > 0 && Date.now() - editsDoneAt < CONVERGE_WITHIN_MS) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      remaining = differences(emulator, model);
    }
    const convergedInMs = Date.now() - editsDoneAt;

    const writes = successfulWrites(emulator);
    const changes = model.defenderFieldEdits + model.sentinelFieldEdits;
    const injected = emulator.faults.list().filter((rule) => !rule.quota);
    const quotaHits = emulator.faults
      .list()
      .filter((rule) => rule.quota)
      .reduce((sum, rule) => sum + rule.fired, 0);
    const plan = await planUntilAllLinked(service.url, PAIRS);

    console.log(
      JSON.stringify(
        {
          seed: SEED,
          pairs: PAIRS,
          edits: sequence,
          fieldEdits: changes,
          restarts: service.starts - 1,
          faultsInjected: faultCounts(emulator),
          writes,
          writesPerChange: Number((writes.total / changes).toFixed(3)),
          quotaHits,
          convergedInMs,
          plannedAfter: plan,
          requestsByApi: countBy(
            emulator.requests.entries().map((entry) => `${entry.api} ${entry.method}`),
          ),
        },
        null,
        2,
      ),
    );

    expect(remaining.slice(0, 10)).toEqual([]);
    expect(kills).toBe(KILLS);
    expect(injected.every((rule) => rule.fired > 0)).toBe(true);
    expect(writes.total).toBeLessThanOrEqual(changes);
    expect(quotaHits).toBe(0);
    expect(plan.planned).toBe(PAIRS);
    expect(plan.sentinelWrites + plan.defenderWrites).toBe(0);
  }, 360_000);
});

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
import { CHAOS_CLIENT, CHAOS_TENANT, CHAOS_WORKSPACE, chaosSeed } from './chaosSeed.ts';
import { ServiceProcess } from './serviceProcess.ts';
import { TEST_API_KEY, TEST_LIMITS, testApiKeyConfig } from '../support/testCredentials.ts';

const SEED = Number(process.env['CHAOS_SEED'] ?? Math.floor(Math.random() * 1_000_000));
const PAIRS = 300;
const EDIT_PHASE_MS = 40_000;
const EDIT_EVERY_MS = 40;
const KILLS = 3;
const CONVERGE_WITHIN_MS = 150_000;

/** Budgets for the run and the quotas the emulator enforces: equal, so a budget overrun shows. */
const WINDOW_MS = 10_000;
const QUOTAS = { graph: 1_500, sentinelRead: 2_000, sentinelWrite: 800, sentinelComment: 800 };

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
  writeFileSync(configPath, JSON.stringify(chaosConfig(emulator.url, caPath, folder)));
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
    const plan = await planUntilAllLinked(service);

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

type PlanSummary = { sentinelWrites: number; defenderWrites: number; planned: number };

/** The reconcile sweep links the pairs nobody edited; give it a few rounds to finish. */
async function planUntilAllLinked(target: ServiceProcess): Promise<PlanSummary> {
  let plan: PlanSummary = { sentinelWrites: -1, defenderWrites: -1, planned: 0 };
  for (let round = 0; round < 12 && plan.planned < PAIRS; round += 1) {
    if (round > 0) await new Promise((resolve) => setTimeout(resolve, 5_000));
    const response = await fetch(`${target.url}/api/v1/sync/plan`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': TEST_API_KEY },
      body: '{}',
    });
    plan = (await response.json()) as PlanSummary;
  }
  return plan;
}

function chaosConfig(url: string, caPath: string, dataDir: string): object {
  const budget = (points: number) => [{ points, windowMs: WINDOW_MS }];
  return {
    store: { sqlitePath: join(dataDir, 'store.db') },
    azure: {
      armEndpoint: url,
      graphEndpoint: url,
      authorityHost: url,
      armScope: 'https://management.azure.com/.default',
      graphScope: 'https://graph.microsoft.com/.default',
      trustedCaCertPath: caPath,
    },
    budgets: {
      graph: budget(QUOTAS.graph),
      sentinelRead: budget(QUOTAS.sentinelRead),
      sentinelWrite: budget(QUOTAS.sentinelWrite),
      sentinelComment: budget(QUOTAS.sentinelComment),
    },
    engine: {
      workerConcurrency: 6,
      jobLeaseMs: 5_000,
      retryBaseDelayMs: 200,
      retryMaxDelayMs: 3_000,
      maxAttempts: 30,
      requestTimeoutMs: 2_000,
      syncWaitMs: 20_000,
    },
    credentials: { chaos: { kind: 'clientSecret', tenantId: CHAOS_TENANT, ...CHAOS_CLIENT } },
    auth: { apiKeys: [testApiKeyConfig()] },
    limits: TEST_LIMITS,
    pairs: [
      {
        name: 'chaos',
        defender: { tenantId: CHAOS_TENANT, credential: 'chaos' },
        sentinel: { ...CHAOS_WORKSPACE, tenantId: CHAOS_TENANT, credential: 'chaos' },
        intervals: { pollIntervalMs: 1_000, pollOverlapMs: 5_000, reconcileIntervalMs: 10_000 },
      },
    ],
  };
}

/** The service quotas, enforced by the emulator: a call beyond them is answered 429. */
function addQuotas(target: RunningEmulator): void {
  const throttle = { kind: 'throttle' as const, retryAfterSeconds: 2 };
  const quota = (points: number) => ({ points, windowMs: WINDOW_MS });
  target.faults.add({ api: 'graph', action: throttle, quota: quota(QUOTAS.graph) });
  target.faults.add({
    api: 'arm',
    method: 'GET',
    action: throttle,
    quota: quota(QUOTAS.sentinelRead),
  });
  target.faults.add({
    api: 'arm',
    method: 'PUT',
    path: '**/comments/*',
    action: throttle,
    quota: quota(QUOTAS.sentinelComment),
  });
  target.faults.add({
    api: 'arm',
    method: 'PUT',
    path: '**/incidents/*',
    action: throttle,
    quota: quota(QUOTAS.sentinelWrite),
  });
}

function addFaults(target: RunningEmulator): string[] {
  const rules = [
    target.faults.add({
      api: 'graph',
      action: { kind: 'throttle', retryAfterSeconds: 1 },
      probability: 0.03,
    }),
    target.faults.add({
      api: 'arm',
      action: { kind: 'throttle', retryAfterSeconds: 1 },
      probability: 0.03,
    }),
    target.faults.add({ api: 'graph', action: { kind: 'status', status: 503 }, probability: 0.03 }),
    target.faults.add({ api: 'arm', action: { kind: 'status', status: 500 }, probability: 0.03 }),
    target.faults.add({
      api: 'arm',
      method: 'GET',
      action: { kind: 'delay', delayMs: 2_500 },
      probability: 0.01,
    }),
    target.faults.add({
      api: 'graph',
      method: 'GET',
      action: { kind: 'delay', delayMs: 2_500 },
      probability: 0.01,
    }),
    target.faults.add({
      api: 'arm',
      method: 'PUT',
      path: '**/incidents/*',
      action: { kind: 'conflict' },
      probability: 0.15,
    }),
    target.faults.add({
      api: 'arm',
      method: 'PUT',
      action: { kind: 'lostResponse' },
      probability: 0.08,
    }),
    target.faults.add({
      api: 'graph',
      method: 'PATCH',
      action: { kind: 'lostResponse' },
      probability: 0.08,
    }),
    target.faults.add({
      api: 'graph',
      method: 'POST',
      path: '**/comments',
      action: { kind: 'lostResponse' },
      probability: 0.1,
    }),
  ];
  return rules.map((rule) => rule.id);
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

function faultCounts(target: RunningEmulator): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of target.requests.entries()) {
    if (entry.fault) counts[entry.fault.kind] = (counts[entry.fault.kind] ?? 0) + 1;
  }
  return counts;
}

/** Incident writes that took effect (comments are counted apart, they are not field changes). */
function successfulWrites(target: RunningEmulator): {
  sentinel: number;
  defender: number;
  total: number;
} {
  const entries = target.requests
    .entries()
    .filter((entry) => entry.status >= 200 && entry.status < 300);
  const sentinel = entries.filter(
    (entry) => entry.api === 'arm' && entry.method === 'PUT' && !entry.path.includes('/comments/'),
  ).length;
  const defender = entries.filter(
    (entry) => entry.api === 'graph' && entry.method === 'PATCH',
  ).length;
  return { sentinel, defender, total: sentinel + defender };
}

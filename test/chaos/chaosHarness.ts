/**
 * What the chaos runs share: the budgets and the equal quotas the emulator enforces, the
 * faults it injects, the service configuration, and the figures read back at the end.
 */
import type { RunningEmulator } from '../../src/emulator/index.ts';
import { CHAOS_CLIENT, CHAOS_TENANT, CHAOS_WORKSPACE } from './chaosSeed.ts';
import { TEST_API_KEY, TEST_LIMITS, testApiKeyConfig } from '../support/testCredentials.ts';

/** Budgets for the run and the quotas the emulator enforces: equal, so a budget overrun shows. */
export const WINDOW_MS = 10_000;
export const QUOTAS = {
  graph: 1_500,
  sentinelRead: 2_000,
  sentinelWrite: 800,
  sentinelComment: 800,
};

export type PlanSummary = { sentinelWrites: number; defenderWrites: number; planned: number };

/** The reconcile sweep links the pairs nobody edited; give it a few rounds to finish. */
export async function planUntilAllLinked(url: string, pairs: number): Promise<PlanSummary> {
  let plan: PlanSummary = { sentinelWrites: -1, defenderWrites: -1, planned: 0 };
  for (let round = 0; round < 12 && plan.planned < pairs; round += 1) {
    if (round > 0) await new Promise((resolve) => setTimeout(resolve, 5_000));
    const response = await fetch(`${url}/api/v1/sync/plan`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': TEST_API_KEY },
      body: '{}',
    });
    plan = (await response.json()) as PlanSummary;
  }
  return plan;
}

export interface ChaosConfigOptions {
  emulatorUrl: string;
  caPath: string;
  store: object;
  engine?: object;
}

export function chaosConfig(options: ChaosConfigOptions): object {
  const url = options.emulatorUrl;
  const budget = (points: number) => [{ points, windowMs: WINDOW_MS }];
  return {
    store: options.store,
    azure: {
      armEndpoint: url,
      graphEndpoint: url,
      authorityHost: url,
      armScope: 'https://management.azure.com/.default',
      graphScope: 'https://graph.microsoft.com/.default',
      trustedCaCertPath: options.caPath,
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
      ...options.engine,
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
export function addQuotas(target: RunningEmulator): void {
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

export function addFaults(target: RunningEmulator): string[] {
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

export function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

export function faultCounts(target: RunningEmulator): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of target.requests.entries()) {
    if (entry.fault) counts[entry.fault.kind] = (counts[entry.fault.kind] ?? 0) + 1;
  }
  return counts;
}

/** Incident writes that took effect (comments are counted apart, they are not field changes). */
export function successfulWrites(target: RunningEmulator): {
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

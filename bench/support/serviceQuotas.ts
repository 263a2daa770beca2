/**
 * Microsoft's quotas as the emulator enforces them for the benchmarks, from the reference
 * (sync-semantics 1.6 and 3.9, peers.md): a call beyond one is answered 429 with Retry-After,
 * as the services do. Graph security allows about 150 requests a minute per app and tenant;
 * Sentinel's documented minimums per 5 minutes are 75 incident PUTs, 75 comment PUTs and 100
 * reads of comments, alerts or entities; other ARM reads draw on a bucket of 250 refilled at
 * 25 a second, approximated as 250 per 10 s.
 */
import type { RunningEmulator } from '../../src/emulator/index.ts';

export interface Quota {
  points: number;
  windowMs: number;
}

export const SERVICE_QUOTAS = {
  graphSecurity: { points: 150, windowMs: 60_000 },
  sentinelIncidentWrite: { points: 75, windowMs: 300_000 },
  sentinelCommentWrite: { points: 75, windowMs: 300_000 },
  sentinelDetailRead: { points: 100, windowMs: 300_000 },
  armRead: { points: 250, windowMs: 10_000 },
} satisfies Record<string, Quota>;

export function addServiceQuotas(emulator: RunningEmulator): void {
  const throttle = { kind: 'throttle' as const, retryAfterSeconds: 10 };
  const add = (quota: Quota, rule: { api: 'arm' | 'graph'; method?: string; path: string }) =>
    emulator.faults.add({ ...rule, action: throttle, quota });

  add(SERVICE_QUOTAS.graphSecurity, { api: 'graph', path: '/v1.0/security/**' });
  add(SERVICE_QUOTAS.sentinelIncidentWrite, { api: 'arm', method: 'PUT', path: '**/incidents/*' });
  add(SERVICE_QUOTAS.sentinelCommentWrite, {
    api: 'arm',
    method: 'PUT',
    path: '**/incidents/*/comments/*',
  });
  for (const detail of ['comments', 'alerts', 'entities']) {
    add(SERVICE_QUOTAS.sentinelDetailRead, { api: 'arm', path: `**/incidents/*/${detail}` });
  }
  add(SERVICE_QUOTAS.armRead, {
    api: 'arm',
    method: 'GET',
    path: '**/providers/Microsoft.SecurityInsights/incidents**',
  });
}

import type { components } from '../../openapi/generated/types.ts';
import type { Handler } from './handler.ts';

type SyncStatus = components['schemas']['SyncStatus'];
type PairSyncStatus = components['schemas']['PairSyncStatus'];

const DAY_MS = 24 * 3600 * 1000;
const DEAD_LETTERS_LISTED = 20;

/** Per pair: lag, queue, dead letters, conflicts, budget headroom, last background runs. */
export const getSyncStatus: Handler = async (_req, res, services) => {
  const depth = await services.store.jobs.depth();
  const since = new Date(Date.now() - DAY_MS).toISOString();
  const headroom = services.pairs.budgets.headroom();

  const pairs: PairSyncStatus[] = [];
  for (const pair of services.pairs.all()) {
    const name = pair.config.name;
    const queue = depth.find((entry) => entry.pairName === name);
    const dead = await services.store.jobs.deadLetters(name);
    const audit = await services.store.recentAudit(name, since);
    const activity = services.engine.activity.get(name) ?? {};
    const tenants = [pair.config.defender.tenantId, pair.config.sentinel.tenantId].map((tenant) =>
      tenant.toLowerCase(),
    );

    pairs.push({
      pairName: name,
      mode: pair.config.mode,
      queued: queue?.queued ?? 0,
      running: queue?.running ?? 0,
      deadLetterCount: dead.length,
      deadLetters: dead.slice(0, DEAD_LETTERS_LISTED).map((job) => ({
        jobId: job.id,
        subject: job.subjectKey,
        error: job.lastError ?? '',
        attempts: job.attempts,
        failedAt: job.updatedAt,
        plannedWrite: job.plannedWrite ? JSON.stringify(job.plannedWrite) : '',
      })),
      lag: services.engine.lag.percentiles(name),
      conflictsLastDay: audit.reduce((count, entry) => count + conflictsIn(entry.detail), 0),
      budgets: headroom
        .filter((entry) => tenants.some((tenant) => entry.key.startsWith(`${tenant}:`)))
        .map((entry) => ({
          ...entry,
          waitedMs: Math.round(entry.waitedMs),
          blockedForMs: Math.round(entry.blockedForMs),
        })),
      lastDefenderPollAt: activity.lastDefenderPollAt ?? '',
      lastSentinelPollAt: activity.lastSentinelPollAt ?? '',
      lastReconcileAt: activity.lastReconcileAt ?? '',
      unpairedDefender: activity.lastReconcile?.unpairedDefender.length ?? 0,
      sentinelOnly: activity.lastReconcile?.sentinelOnly.length ?? 0,
    });
  }

  const status: SyncStatus = { generatedAt: new Date().toISOString(), pairs };
  res.json(status);
};

function conflictsIn(detail: Record<string, unknown>): number {
  const decisions = detail['decisions'];
  return Array.isArray(decisions)
    ? decisions.filter((decision) => (decision as { conflict?: boolean }).conflict).length
    : 0;
}

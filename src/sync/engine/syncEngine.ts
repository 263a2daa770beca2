/**
 * The continuous sync: a job worker, and per pair a Defender poller, a Sentinel poller and the
 * reconcile sweep on their own intervals. Everything they find goes through the durable job
 * queue, so a crash at any point loses nothing: on restart the queued and leased jobs run again.
 * Replicas sharing a database all run the worker; each pair's pollers and sweep run in the one
 * replica holding the pair's lease.
 */
import type { Logger } from '../../logging/logger.ts';
import { withCallPriority } from '../../clients/budgets/callPriority.ts';
import type { Store } from '../../store/store.ts';
import type { IncidentSync } from '../incidentSync.ts';
import type { PairRegistry, PairRuntime } from '../pairRegistry.ts';
import { DefenderPoller } from '../pollers/defenderPoller.ts';
import { SentinelPoller } from '../pollers/sentinelPoller.ts';
import { ReconcileSweep, type ReconcileSummary } from '../reconcile/reconcileSweep.ts';
import { JobOutcomes } from './jobOutcomes.ts';
import { JobWorker } from './jobWorker.ts';
import { LagTracker } from './lagTracker.ts';
import { PairLeases } from './pairLeases.ts';
import type { RetrySchedule } from './retrySchedule.ts';
import { SyncJobs } from './syncJobs.ts';

export interface SyncEngineOptions {
  store: Store;
  pairs: PairRegistry;
  sync: IncidentSync;
  logger: Logger;
  /** Run the pollers and the reconcile sweep (the worker always runs). Default true. */
  background?: boolean;
  workerConcurrency?: number;
  idlePollMs?: number;
  retry?: RetrySchedule;
  workerId?: string;
  leaseMs?: number;
  /** How long a replica's claim on polling a pair lasts without renewal. Default 30 s. */
  pairLeaseMs?: number;
}

const DEFAULT_PAIR_LEASE_MS = 30_000;

export interface PairActivity {
  lastDefenderPollAt?: string;
  lastSentinelPollAt?: string;
  lastReconcileAt?: string;
  lastReconcile?: ReconcileSummary;
  lastError?: string;
}

export class SyncEngine {
  readonly jobs: SyncJobs;
  readonly outcomes = new JobOutcomes();
  readonly worker: JobWorker;
  readonly activity = new Map<string, PairActivity>();
  readonly lag = new LagTracker();
  private readonly defenderPoller: DefenderPoller;
  private readonly sentinelPoller: SentinelPoller;
  private readonly reconcile: ReconcileSweep;
  private readonly pairLeases: PairLeases;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private running = false;

  constructor(private readonly options: SyncEngineOptions) {
    this.jobs = new SyncJobs(options.store, options.sync.links, this.outcomes);
    this.worker = new JobWorker({
      store: options.store,
      outcomes: this.outcomes,
      logger: options.logger,
      concurrency: options.workerConcurrency,
      idlePollMs: options.idlePollMs,
      retry: options.retry,
      workerId: options.workerId,
      leaseMs: options.leaseMs,
      lag: this.lag,
      run: (payload) =>
        options.sync.run(payload.target, {
          trigger: payload.reasons.join(','),
          updates: payload.updates,
          copies: payload.copies,
        }),
    });
    this.jobs.notify(() => this.worker.wake());
    this.defenderPoller = new DefenderPoller(options.store, this.jobs, options.logger);
    this.sentinelPoller = new SentinelPoller(options.store, this.jobs, options.logger);
    this.reconcile = new ReconcileSweep({ store: options.store, jobs: this.jobs });
    this.pairLeases = new PairLeases({
      leases: options.store.leases,
      replicaId: this.worker.workerId,
      pairNames: options.pairs.all().map((pair) => pair.config.name),
      leaseMs: options.pairLeaseMs ?? DEFAULT_PAIR_LEASE_MS,
      logger: options.logger,
    });
  }

  /** The pairs whose pollers run in this replica. */
  polledPairs(): string[] {
    return this.pairLeases.held();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.worker.start();
    if (this.options.background === false) return;

    const leaseMs = this.options.pairLeaseMs ?? DEFAULT_PAIR_LEASE_MS;
    this.every(leaseMs / 3, () => this.pairLeases.renew(), 0);
    for (const pair of this.options.pairs.all()) {
      const name = pair.config.name;
      this.every(pair.config.intervals.pollIntervalMs, () =>
        this.ifPolledHere(name, () => this.poll(pair)),
      );
      this.every(
        pair.config.intervals.reconcileIntervalMs,
        () => this.ifPolledHere(name, () => this.reconcilePair(pair)),
        1_000,
      );
    }
  }

  /**
   * Stops the timers, lets in-flight polls finish, drains the jobs in hand, then gives the
   * pair leases back so other replicas take the pairs over without waiting for expiry.
   */
  async stop(): Promise<void> {
    this.running = false;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.inFlight]);
    await this.worker.stop();
    await this.pairLeases.releaseAll().catch((error: unknown) => {
      this.options.logger.warn({ err: String(error) }, 'could not release the pair leases');
    });
  }

  private async ifPolledHere(pairName: string, task: () => Promise<unknown>): Promise<void> {
    if (this.pairLeases.holds(pairName)) await task();
  }

  /** Runs the reconcile sweep now, for one pair or all. */
  async reconcileNow(pairName?: string): Promise<ReconcileSummary[]> {
    const pairs = this.options.pairs
      .all()
      .filter((pair) => !pairName || pair.config.name === pairName);
    const summaries: ReconcileSummary[] = [];
    for (const pair of pairs) summaries.push(await this.reconcilePair(pair));
    return summaries;
  }

  /** Polls now, whatever the leases say (benchmarks and operators); returns the jobs queued. */
  async pollNow(pairName?: string): Promise<number> {
    let queued = 0;
    for (const pair of this.options.pairs.all()) {
      if (!pairName || pair.config.name === pairName) queued += await this.poll(pair);
    }
    return queued;
  }

  private async poll(pair: PairRuntime): Promise<number> {
    const activity = this.activityOf(pair);
    return withCallPriority('poll', async () => {
      const defender = await this.defenderPoller.pollOnce(pair);
      activity.lastDefenderPollAt = new Date().toISOString();
      const sentinel = await this.sentinelPoller.pollOnce(pair);
      activity.lastSentinelPollAt = new Date().toISOString();
      return defender.queued + sentinel.queued;
    });
  }

  private async reconcilePair(pair: PairRuntime): Promise<ReconcileSummary> {
    const summary = await withCallPriority('reconcile', () => this.reconcile.run(pair));
    const activity = this.activityOf(pair);
    activity.lastReconcileAt = new Date().toISOString();
    activity.lastReconcile = summary;
    return summary;
  }

  private activityOf(pair: PairRuntime): PairActivity {
    let activity = this.activity.get(pair.config.name);
    if (!activity) {
      activity = {};
      this.activity.set(pair.config.name, activity);
    }
    return activity;
  }

  /** Runs `task` every `intervalMs`, never two at once; a failure is logged and retried next time. */
  private every(intervalMs: number, task: () => Promise<unknown>, firstDelayMs = intervalMs): void {
    const schedule = (delayMs: number): void => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        if (!this.running) return;
        const run = task()
          .catch((error: unknown) => {
            this.options.logger.warn(
              { err: error instanceof Error ? error.message : String(error) },
              'background sync step failed',
            );
          })
          .finally(() => {
            this.inFlight.delete(run);
            if (this.running) schedule(intervalMs);
          });
        this.inFlight.add(run);
      }, delayMs);
      timer.unref();
      this.timers.add(timer);
    };
    schedule(firstDelayMs);
  }
}

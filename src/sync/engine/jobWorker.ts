/**
 * Runs sync jobs from the durable queue: claims the most urgent due job, runs it under the
 * call priority it carries, and completes it, schedules a retry or moves it to the dead
 * letters. Several loops run side by side; the queue keeps one pair's jobs apart.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../../logging/logger.ts';
import { CALL_PRIORITIES, withCallPriority } from '../../clients/budgets/callPriority.ts';
import type { JobRecord } from '../../store/jobRecord.ts';
import type { Store } from '../../store/store.ts';
import type { SyncOutcome } from '../syncOutcome.ts';
import { classifyJobError } from './classifyJobError.ts';
import { resultOfError, resultOfOutcome } from './jobResults.ts';
import type { JobOutcomes } from './jobOutcomes.ts';
import type { LagTracker } from './lagTracker.ts';
import { RetrySchedule } from './retrySchedule.ts';
import type { SyncJobPayload } from './syncJobPayload.ts';

const PRUNE_EVERY_MS = 60_000;
/** Longer than any caller waits for a job (the API waits seconds). */
const KEEP_FINISHED_MS = 10 * 60_000;

export type RunSyncJob = (payload: SyncJobPayload, job: JobRecord) => Promise<SyncOutcome>;

export interface JobWorkerOptions {
  store: Store;
  run: RunSyncJob;
  outcomes: JobOutcomes;
  logger: Logger;
  concurrency?: number;
  leaseMs?: number;
  /** How long an idle loop sleeps before looking again when nobody woke it. */
  idlePollMs?: number;
  retry?: RetrySchedule;
  workerId?: string;
  lag?: LagTracker;
}

export class JobWorker {
  readonly workerId: string;
  private readonly concurrency: number;
  private readonly leaseMs: number;
  private readonly idlePollMs: number;
  private readonly retry: RetrySchedule;
  private running = false;
  private lastPruneAt = 0;
  private loops: Array<Promise<void>> = [];
  private wakers: Array<() => void> = [];

  constructor(private readonly options: JobWorkerOptions) {
    this.workerId = options.workerId ?? `worker-${randomUUID()}`;
    this.concurrency = options.concurrency ?? 4;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.idlePollMs = options.idlePollMs ?? 1_000;
    this.retry = options.retry ?? new RetrySchedule();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loops = Array.from({ length: this.concurrency }, (_, index) => this.loop(index));
  }

  /** New work arrived: wake the idle loops instead of waiting for their next look. */
  wake(): void {
    const wakers = this.wakers;
    this.wakers = [];
    for (const wake of wakers) wake();
  }

  /** Finishes the jobs in hand and stops claiming new ones. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await Promise.all(this.loops);
  }

  private async loop(index: number): Promise<void> {
    const worker = `${this.workerId}/${index}`;
    while (this.running) {
      const job = await this.options.store.jobs
        .claim(worker, this.leaseMs)
        .catch((error: unknown) => {
          this.options.logger.error({ err: String(error) }, 'could not claim a job');
          return undefined;
        });
      if (!job) {
        await this.idle();
        continue;
      }
      await this.execute(job, worker);
    }
  }

  private async execute(job: JobRecord, worker: string): Promise<void> {
    const payload = job.payload as SyncJobPayload;
    const priority = CALL_PRIORITIES[job.priority] ?? 'status';
    const progress = { finished: false };
    const heartbeat = this.keepLease(job, worker, progress);
    try {
      const outcome = await withCallPriority(priority, () => this.options.run(payload, job));
      progress.finished = true;
      await this.options.store.jobs.complete(job, worker, resultOfOutcome(outcome));
      this.options.lag?.record(job.pairName, Date.now() - Date.parse(job.noticedAt));
      this.options.outcomes.succeeded(job.id, outcome);
    } catch (error) {
      progress.finished = true;
      await this.handleFailure(job, worker, error);
    } finally {
      clearInterval(heartbeat);
    }
    this.pruneNowAndThen();
  }

  /**
   * Renews the job's lease while it runs, so a slow sync (throttled, retrying) is never taken
   * over by another replica mid-way; only a worker that died stops renewing.
   */
  private keepLease(
    job: JobRecord,
    worker: string,
    progress: { finished: boolean },
  ): NodeJS.Timeout {
    const timer = setInterval(() => {
      if (progress.finished) return;
      this.options.store.jobs.renew(job, worker, this.leaseMs).then(
        (held) => {
          // Once the job is finished its lease is given up on purpose; only a loss mid-run counts.
          if (!held && !progress.finished) {
            this.options.logger.warn({ jobId: job.id }, 'job lease lost while running');
          }
        },
        (error: unknown) => {
          this.options.logger.warn({ jobId: job.id, err: String(error) }, 'lease renewal failed');
        },
      );
    }, this.leaseMs / 3);
    timer.unref();
    return timer;
  }

  /** Finished jobs stay a while for callers waiting on them, then go. */
  private pruneNowAndThen(): void {
    const now = Date.now();
    if (now - this.lastPruneAt < PRUNE_EVERY_MS) return;
    this.lastPruneAt = now;
    this.options.store.jobs.pruneFinished(KEEP_FINISHED_MS).catch((error: unknown) => {
      this.options.logger.warn({ err: String(error) }, 'could not prune finished jobs');
    });
  }

  private async handleFailure(job: JobRecord, worker: string, error: unknown): Promise<void> {
    const verdict = classifyJobError(error);
    const delay = verdict.retryable
      ? this.retry.delayMs(job.attempts, verdict.retryAfterMs)
      : undefined;
    const log = { jobId: job.id, pair: job.pairName, attempts: job.attempts, code: verdict.code };

    if (verdict.settled) {
      await this.options.store.jobs.complete(job, worker, resultOfError(error));
      this.options.logger.warn({ ...log, detail: verdict.message }, 'job settled without a sync');
      this.options.outcomes.failed(job.id, error);
      return;
    }

    await this.options.store.jobs.fail(job, worker, {
      error: `${verdict.code}: ${verdict.message}`,
      retryAt: delay === undefined ? undefined : new Date(Date.now() + delay),
      plannedWrite: verdict.plannedWrite,
      result: resultOfError(error),
    });
    if (delay === undefined) {
      this.options.logger.error(log, 'job moved to the dead letters');
      this.options.outcomes.failed(job.id, error);
    } else {
      this.options.logger.info({ ...log, retryInMs: Math.round(delay) }, 'job will be retried');
    }
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.idlePollMs);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakers.push(done);
    });
  }
}

/**
 * The durable job queue. Jobs for one subject (an incident pair) never run side by side, and a
 * new job for a subject that already has one waiting merges into it, so a burst of updates
 * becomes one run. A claimed job carries a lease its worker renews while it runs; if the
 * worker dies, the lease runs out and another worker, in this replica or another, takes the
 * job again (at least once; the sync's effects are idempotent).
 *
 * The one-running-job-per-subject rule is a unique index, so it holds across replicas even
 * when two claim at the same instant. On PostgreSQL, claims lock their candidate row with
 * `FOR UPDATE SKIP LOCKED`, so replicas claiming at once take different jobs instead of
 * queueing behind each other's locks.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import { findClaimCandidate } from './claimCandidate.ts';
import type { JobRecord, JobResult, NewJob, PayloadMerge } from './jobRecord.ts';
import type { Database, JobsTable } from './schema.ts';
import { isUniqueViolation, type StoreDialect } from './storeDialect.ts';

export interface JobFailure {
  error: string;
  /** Retry no sooner than this; undefined sends the job to the dead letters. */
  retryAt?: Date;
  plannedWrite?: unknown;
  /** Kept with a dead letter, for a replica waiting on the job. */
  result?: JobResult;
}

/** Claim attempts that lost a race for the same subject before giving up this round. */
const CLAIM_RACES = 3;

export class JobStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date = () => new Date(),
    private readonly dialect: StoreDialect = 'sqlite',
  ) {}

  /** Queues work for a subject, merging it into the job already waiting for it, if any. */
  async enqueue(job: NewJob, merge: PayloadMerge): Promise<JobRecord> {
    return this.db.transaction().execute(async (trx) => {
      if (this.dialect === 'postgres') {
        // Two replicas queueing for one subject at once would both find nothing waiting.
        await sql`select pg_advisory_xact_lock(hashtext(${job.subjectKey}))`.execute(trx);
      }
      const now = this.clock().toISOString();
      const waiting = await trx
        .selectFrom('jobs')
        .selectAll()
        .where('subject_key', '=', job.subjectKey)
        .where('status', '=', 'queued')
        .executeTakeFirst();

      if (waiting) {
        const merged = await trx
          .updateTable('jobs')
          .set({
            payload: JSON.stringify(merge(JSON.parse(waiting.payload), job.payload)),
            priority: Math.min(waiting.priority, job.priority),
            noticed_at: minIso(waiting.noticed_at, job.noticedAt ?? now),
            updated_at: now,
          })
          .where('id', '=', waiting.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        return toJobRecord(merged);
      }

      const inserted = await trx
        .insertInto('jobs')
        .values({
          id: randomUUID(),
          pair_name: job.pairName,
          subject_key: job.subjectKey,
          priority: job.priority,
          status: 'queued',
          payload: JSON.stringify(job.payload),
          attempts: 0,
          run_after: now,
          noticed_at: job.noticedAt ?? now,
          created_at: now,
          updated_at: now,
          lease_owner: null,
          lease_until: null,
          last_error: null,
          planned_write: null,
          result: null,
          finished_at: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toJobRecord(inserted);
    });
  }

  /**
   * Takes the most urgent job that is due and whose subject has no job running (or whose
   * running job's lease ran out), and leases it to `worker`.
   */
  async claim(worker: string, leaseMs: number): Promise<JobRecord | undefined> {
    for (let race = 1; race <= CLAIM_RACES; race += 1) {
      try {
        return await this.claimOnce(worker, leaseMs);
      } catch (error) {
        // Another worker started a job of the same subject between our look and our update.
        if (!isUniqueViolation(error)) throw error;
      }
    }
    return undefined;
  }

  private async claimOnce(worker: string, leaseMs: number): Promise<JobRecord | undefined> {
    return this.db.transaction().execute(async (trx) => {
      const now = this.clock().toISOString();
      const candidate = await findClaimCandidate(trx, now, this.dialect);
      if (!candidate) return undefined;

      const claimed = await trx
        .updateTable('jobs')
        .set({
          status: 'running',
          lease_owner: worker,
          lease_until: new Date(Date.parse(now) + leaseMs).toISOString(),
          attempts: sql<number>`attempts + 1`,
          updated_at: now,
        })
        .where('id', '=', candidate.id)
        .where('updated_at', '=', candidate.updated_at)
        .returningAll()
        .executeTakeFirst();
      return claimed && toJobRecord(claimed);
    });
  }

  /** Extends a running job's lease; false when `worker` no longer holds it. */
  async renew(job: JobRecord, worker: string, leaseMs: number): Promise<boolean> {
    const now = this.clock();
    const result = await this.db
      .updateTable('jobs')
      .set({ lease_until: new Date(now.getTime() + leaseMs).toISOString() })
      .where('id', '=', job.id)
      .where('status', '=', 'running')
      .where('lease_owner', '=', worker)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Marks a job finished with its result; only its current holder may. */
  async complete(job: JobRecord, worker: string, result?: JobResult): Promise<void> {
    const now = this.clock().toISOString();
    await this.db
      .updateTable('jobs')
      .set({
        status: 'done',
        result: result === undefined ? null : JSON.stringify(result),
        finished_at: now,
        lease_owner: null,
        lease_until: null,
        updated_at: now,
      })
      .where('id', '=', job.id)
      .where('lease_owner', '=', worker)
      .execute();
  }

  /** Forgets finished jobs older than `ageMs`; returns how many. */
  async pruneFinished(ageMs: number): Promise<number> {
    const cutoff = new Date(this.clock().getTime() - ageMs).toISOString();
    const result = await this.db
      .deleteFrom('jobs')
      .where('status', '=', 'done')
      .where('finished_at', '<', cutoff)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Schedules a retry, or moves the job to the dead letters when no retry is given. */
  async fail(job: JobRecord, worker: string, failure: JobFailure): Promise<void> {
    const now = this.clock().toISOString();
    await this.db
      .updateTable('jobs')
      .set({
        status: failure.retryAt ? 'queued' : 'dead',
        run_after: failure.retryAt?.toISOString() ?? now,
        last_error: failure.error,
        planned_write:
          failure.plannedWrite === undefined ? null : JSON.stringify(failure.plannedWrite),
        result: failure.result && !failure.retryAt ? JSON.stringify(failure.result) : null,
        finished_at: failure.retryAt ? null : now,
        lease_owner: null,
        lease_until: null,
        updated_at: now,
      })
      .where('id', '=', job.id)
      .where('lease_owner', '=', worker)
      .execute();
  }

  async deadLetters(pairName?: string): Promise<JobRecord[]> {
    let query = this.db.selectFrom('jobs').selectAll().where('status', '=', 'dead');
    if (pairName) query = query.where('pair_name', '=', pairName);
    return (await query.orderBy('updated_at', 'desc').execute()).map(toJobRecord);
  }

  /** Puts a dead letter back in the queue with a fresh attempt count. */
  async replay(id: string): Promise<JobRecord | undefined> {
    const now = this.clock().toISOString();
    const replayed = await this.db
      .updateTable('jobs')
      .set({
        status: 'queued',
        attempts: 0,
        run_after: now,
        updated_at: now,
        result: null,
        finished_at: null,
      })
      .where('id', '=', id)
      .where('status', '=', 'dead')
      .returningAll()
      .executeTakeFirst();
    return replayed && toJobRecord(replayed);
  }

  async find(id: string): Promise<JobRecord | undefined> {
    const row = await this.db
      .selectFrom('jobs')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toJobRecord(row);
  }

  /** Jobs waiting or running, per pair. */
  async depth(): Promise<
    Array<{ pairName: string; queued: number; running: number; dead: number }>
  > {
    const rows = await this.db
      .selectFrom('jobs')
      .select(['pair_name', 'status', (eb) => eb.fn.countAll<number>().as('count')])
      .groupBy(['pair_name', 'status'])
      .execute();

    const byPair = new Map<
      string,
      { pairName: string; queued: number; running: number; dead: number }
    >();
    for (const row of rows) {
      const entry = byPair.get(row.pair_name) ?? {
        pairName: row.pair_name,
        queued: 0,
        running: 0,
        dead: 0,
      };
      if (row.status === 'queued' || row.status === 'running' || row.status === 'dead') {
        entry[row.status] += Number(row.count);
      }
      byPair.set(row.pair_name, entry);
    }
    return [...byPair.values()];
  }

  /** The earliest time a queued job becomes due, to sleep until then. */
  async nextDueAt(): Promise<Date | undefined> {
    const row = await this.db
      .selectFrom('jobs')
      .select((eb) => eb.fn.min('run_after').as('next'))
      .where('status', '=', 'queued')
      .executeTakeFirst();
    return row?.next ? new Date(String(row.next)) : undefined;
  }
}

function minIso(a: string, b: string): string {
  return Date.parse(a) <= Date.parse(b) ? a : b;
}

function toJobRecord(row: Selectable<JobsTable>): JobRecord {
  return {
    id: row.id,
    pairName: row.pair_name,
    subjectKey: row.subject_key,
    priority: Number(row.priority),
    status: row.status as JobRecord['status'],
    payload: JSON.parse(row.payload) as unknown,
    attempts: Number(row.attempts),
    runAfter: row.run_after,
    noticedAt: row.noticed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    leaseOwner: row.lease_owner,
    leaseUntil: row.lease_until,
    lastError: row.last_error,
    plannedWrite: row.planned_write === null ? null : (JSON.parse(row.planned_write) as unknown),
    result: row.result === null ? null : (JSON.parse(row.result) as JobResult),
    finishedAt: row.finished_at,
  };
}

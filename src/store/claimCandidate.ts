/**
 * Finds the job a claim should take: the most urgent due job whose subject has nothing
 * running, or a running job whose lease ran out. The two kinds are looked up by separate
 * queries, each of which walks the `(status, priority, run_after)` index in order and stops
 * at its first match; one query over both kinds (an OR across statuses) cannot use that order
 * and would sort every due job on each claim, which in a backlog of thousands is most of the
 * cost of running a job.
 */
import type { Selectable, Transaction } from 'kysely';
import type { Database, JobsTable } from './schema.ts';
import type { StoreDialect } from './storeDialect.ts';

type JobRow = Selectable<JobsTable>;

export async function findClaimCandidate(
  trx: Transaction<Database>,
  now: string,
  dialect: StoreDialect,
): Promise<JobRow | undefined> {
  const expired = await candidateQuery(trx, dialect, 'running', now).executeTakeFirst();
  const due = await candidateQuery(trx, dialect, 'queued', now).executeTakeFirst();

  if (!expired || !due) return expired ?? due;
  return moreUrgent(expired, due) ? expired : due;
}

function candidateQuery(
  trx: Transaction<Database>,
  dialect: StoreDialect,
  status: 'queued' | 'running',
  now: string,
) {
  // A queued job is due once its run_after has come; a running one once its lease ran out.
  const dueColumn = status === 'queued' ? 'j.run_after' : 'j.lease_until';
  const dueOperator = status === 'queued' ? '<=' : '<';
  let query = trx
    .selectFrom('jobs as j')
    .selectAll('j')
    .where('j.status', '=', status)
    .where(dueColumn, dueOperator, now)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('jobs as busy')
            .select('busy.id')
            .whereRef('busy.subject_key', '=', 'j.subject_key')
            .whereRef('busy.id', '!=', 'j.id')
            // Even with its lease run out, a running job goes first: it is a candidate too.
            .where('busy.status', '=', 'running'),
        ),
      ),
    )
    .orderBy('j.priority')
    .orderBy('j.run_after')
    .limit(1);
  if (dialect === 'postgres') query = query.forUpdate().skipLocked();
  return query;
}

/** The order of the claim: priority first, then the time the job became due. */
function moreUrgent(first: JobRow, second: JobRow): boolean {
  if (first.priority !== second.priority) return first.priority < second.priority;
  return first.run_after <= second.run_after;
}

import { sql, type Kysely } from 'kysely';

/**
 * What several replicas sharing one database need: at most one running job per subject,
 * enforced by the database; finished jobs kept briefly with their result, so a replica
 * waiting for a job another replica ran can read its outcome; and lease rows naming the
 * replica that polls a pair.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('jobs').addColumn('result', 'text').execute();
  await db.schema.alterTable('jobs').addColumn('finished_at', 'text').execute();

  // Jobs left running by a process that stopped go back to the queue before the index exists.
  await sql`update jobs set status = 'queued', lease_owner = null, lease_until = null
    where status = 'running'`.execute(db);
  await sql`create unique index jobs_one_running_per_subject on jobs (subject_key)
    where status = 'running'`.execute(db);
  await sql`create index jobs_finished on jobs (finished_at) where status = 'done'`.execute(db);

  await db.schema
    .createTable('leases')
    .addColumn('name', 'text', (column) => column.primaryKey())
    .addColumn('owner', 'text', (column) => column.notNull())
    .addColumn('expires_at', 'text', (column) => column.notNull())
    .addColumn('acquired_at', 'text', (column) => column.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('leases').execute();
  await sql`drop index jobs_finished`.execute(db);
  await sql`drop index jobs_one_running_per_subject`.execute(db);
  await db.schema.alterTable('jobs').dropColumn('finished_at').execute();
  await db.schema.alterTable('jobs').dropColumn('result').execute();
}

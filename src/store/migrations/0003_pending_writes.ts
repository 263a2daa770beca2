import type { Kysely } from 'kysely';

/** The write a sync was making, kept until its outcome is known (see Store.setPendingWrite). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('links').addColumn('pending_write', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('links').dropColumn('pending_write').execute();
}

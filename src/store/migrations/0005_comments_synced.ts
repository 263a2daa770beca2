import type { Kysely } from 'kysely';

/**
 * The Sentinel etag at which a pair's comments were last found all carried, so a sync whose
 * Sentinel side has not changed since need not list its comments (see Store.markCommentsSynced).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('links').addColumn('comments_synced_etag', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('links').dropColumn('comments_synced_etag').execute();
}

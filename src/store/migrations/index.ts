/**
 * Every migration, in order. Listed in code (not read from a folder) so the bundle and the
 * TypeScript runner see the same set.
 */
import type { Migration } from 'kysely';
import * as linksAndAudit from './0001_links_and_audit.ts';
import * as jobsAndLedgers from './0002_jobs_and_ledgers.ts';
import * as pendingWrites from './0003_pending_writes.ts';
import * as replicas from './0004_replicas.ts';
import * as commentsSynced from './0005_comments_synced.ts';

export const migrations: Record<string, Migration> = {
  '0001_links_and_audit': linksAndAudit,
  '0002_jobs_and_ledgers': jobsAndLedgers,
  '0003_pending_writes': pendingWrites,
  '0004_replicas': replicas,
  '0005_comments_synced': commentsSynced,
};

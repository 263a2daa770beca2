/**
 * Opens the store: a Kysely database over SQLite (better-sqlite3) with every migration applied.
 * The file's folder is created when missing. `:memory:` gives a private in-memory database.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type MigrationProvider } from 'kysely';
import { migrations } from './migrations/index.ts';
import type { Database } from './schema.ts';
import { Store } from './store.ts';

export interface OpenStoreOptions {
  sqlitePath: string;
}

export class StoreMigrationError extends Error {
  readonly code = 'store_migration_failed';
}

export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: openSqlite(options.sqlitePath) }),
  });
  await migrateToLatest(db);
  return new Store(db);
}

function openSqlite(path: string): BetterSqlite3.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });

  const database = new BetterSqlite3(path);
  // WAL lets readers (API lookups) proceed while a sync writes; NORMAL is durable under WAL.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  return database;
}

const inCodeMigrations: MigrationProvider = {
  getMigrations: async () => migrations,
};

export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: inCodeMigrations });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    throw new StoreMigrationError(`Store migration ${failed} failed`, { cause: error });
  }
}

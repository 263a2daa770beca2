/**
 * Opens the store: a Kysely database with every migration applied, over SQLite
 * (better-sqlite3, one process) by default, or over PostgreSQL (the `pg` driver) when a
 * database URL is given, so several replicas can share one database.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  sql,
  type MigrationProvider,
} from 'kysely';
import pg from 'pg';
import { migrations } from './migrations/index.ts';
import type { Database } from './schema.ts';
import type { StoreDialect } from './storeDialect.ts';
import { Store } from './store.ts';

export interface OpenStoreOptions {
  sqlitePath: string;
  /** A `postgres://` URL; when set, PostgreSQL is used instead of the SQLite file. */
  databaseUrl?: string;
  /** PostgreSQL schema to keep the tables in (created when missing); `public` by default. */
  schema?: string;
  /** Connections in the PostgreSQL pool. */
  poolSize?: number;
}

export class StoreMigrationError extends Error {
  readonly code = 'store_migration_failed';
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const dialect: StoreDialect = options.databaseUrl ? 'postgres' : 'sqlite';
  const db =
    dialect === 'postgres'
      ? await openPostgres(options)
      : new Kysely<Database>({
          dialect: new SqliteDialect({ database: openSqlite(options.sqlitePath) }),
        });
  await migrateToLatest(db, dialect);
  return new Store(db, () => new Date(), dialect);
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

async function openPostgres(options: OpenStoreOptions): Promise<Kysely<Database>> {
  const schema = options.schema;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new TypeError(`store schema "${schema}" must be a plain lower-case identifier`);
  }

  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: options.poolSize ?? 10,
    // Every connection resolves the tables in the chosen schema, so queries stay unqualified.
    options: schema ? `-c search_path=${schema}` : undefined,
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  return db;
}

const inCodeMigrations: MigrationProvider = {
  getMigrations: async () => migrations,
};

export async function migrateToLatest(
  db: Kysely<Database>,
  dialect: StoreDialect = 'sqlite',
): Promise<void> {
  // Kysely looks for its bookkeeping tables in every schema unless told which one: another
  // incident-bridge schema in the same database would make it skip creating its own here.
  const migrationTableSchema = dialect === 'postgres' ? await currentSchema(db) : undefined;
  const migrator = new Migrator({ db, provider: inCodeMigrations, migrationTableSchema });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    throw new StoreMigrationError(`Store migration ${failed} failed`, { cause: error });
  }
}

async function currentSchema(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(
    db,
  );
  const schema = rows[0]?.schema;
  if (!schema) throw new StoreMigrationError('The database search_path names no schema');
  return schema;
}

/**
 * The databases the store contract runs on: a SQLite file, and PostgreSQL when one is
 * reachable (`TEST_DATABASE_URL`, by default the local server's `test` database). Each test
 * gets a fresh SQLite file or a fresh PostgreSQL schema, dropped afterwards. Under CI an
 * unreachable PostgreSQL fails the run instead of quietly shrinking it to SQLite.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { openStore } from '../../src/store/openStore.ts';
import type { Store } from '../../src/store/store.ts';

export const TEST_DATABASE_URL =
  process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  store: Store;
  /** Another store on the same database, as a second replica would open it. */
  openAnother(): Promise<Store>;
  dispose(): Promise<void>;
}

export interface StoreBackend {
  name: 'sqlite' | 'postgres';
  /**
   * Whether several processes may work on the database at once. A SQLite file serves one
   * replica: concurrent write transactions from two connections deadlock instead of waiting.
   */
  sharedByReplicas: boolean;
  open(): Promise<TestDatabase>;
}

const sqlite: StoreBackend = {
  name: 'sqlite',
  sharedByReplicas: false,
  async open() {
    const folder = mkdtempSync(join(tmpdir(), 'incident-bridge-store-'));
    const sqlitePath = join(folder, 'store.db');
    return trackStores(
      await openStore({ sqlitePath }),
      () => openStore({ sqlitePath }),
      () => {
        rmSync(folder, { recursive: true, force: true });
      },
    );
  },
};

const postgres: StoreBackend = {
  name: 'postgres',
  sharedByReplicas: true,
  async open() {
    const schema = freshSchemaName();
    const options = { sqlitePath: ':memory:', databaseUrl: TEST_DATABASE_URL, schema };
    return trackStores(
      await openStore(options),
      () => openStore(options),
      () => dropSchema(schema),
    );
  },
};

export function freshSchemaName(): string {
  return `ib_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}

export async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({
    connectionString: TEST_DATABASE_URL,
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** SQLite always; PostgreSQL when reachable, and always under CI. */
export async function storeBackends(): Promise<StoreBackend[]> {
  if (await postgresReachable()) return [sqlite, postgres];
  if (process.env['CI']) {
    throw new Error(`PostgreSQL at ${TEST_DATABASE_URL} is not reachable; CI runs the store on it`);
  }
  console.warn(
    `PostgreSQL at ${TEST_DATABASE_URL} is not reachable: store tests run on SQLite only`,
  );
  return [sqlite];
}

function trackStores(
  first: Store,
  openAnother: () => Promise<Store>,
  cleanUp: () => void | Promise<void>,
): TestDatabase {
  const opened = [first];
  return {
    store: first,
    async openAnother() {
      const store = await openAnother();
      opened.push(store);
      return store;
    },
    async dispose() {
      await Promise.all(opened.map((store) => store.close().catch(() => undefined)));
      await cleanUp();
    },
  };
}

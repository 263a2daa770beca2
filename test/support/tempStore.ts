/** A real SQLite store in a fresh temporary folder, removed after the test file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/openStore.ts';
import type { Store } from '../../src/store/store.ts';

export interface TempStore {
  store: Store;
  path: string;
  dispose(): Promise<void>;
}

export async function tempStore(): Promise<TempStore> {
  const folder = mkdtempSync(join(tmpdir(), 'incident-bridge-test-'));
  const path = join(folder, 'store.db');
  const store = await openStore({ sqlitePath: path });
  return {
    store,
    path,
    dispose: async () => {
      await store.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/**
 * Several incident-bridge stores in one PostgreSQL database, each in a schema of its own (two
 * deployments sharing a server, or the test suite's schemas). Each must migrate and work as if
 * it were alone. Defined only on PostgreSQL: a SQLite file has no schemas.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.ts';
import { openStore } from '../../src/store/openStore.ts';
import {
  dropSchema,
  freshSchemaName,
  storeBackends,
  TEST_DATABASE_URL,
} from '../support/storeBackends.ts';

const onPostgres = (await storeBackends()).some((backend) => backend.name === 'postgres');

describe.runIf(onPostgres)('stores in separate PostgreSQL schemas', () => {
  const opened: Array<{ store: Store; schema: string }> = [];
  const open = async (schema: string): Promise<Store> => {
    const store = await openStore({
      sqlitePath: ':memory:',
      databaseUrl: TEST_DATABASE_URL,
      schema,
    });
    opened.push({ store, schema });
    return store;
  };
  afterEach(async () => {
    for (const { store, schema } of opened.splice(0)) {
      await store.close();
      await dropSchema(schema);
    }
  });

  it('migrates a new schema while another schema already holds incident-bridge tables', async () => {
    const first = await open(freshSchemaName());
    const second = await open(freshSchemaName());

    const link = await second.createLink({
      pairName: 'p',
      defenderTenantId: 't',
      defenderIncidentId: '1',
      sentinelIncidentArmId: '/subscriptions/s/resourceGroups/r/providers/x/incidents/1',
      sentinelIncidentNumber: 1,
      linkedBy: 'manual',
    });
    expect((await second.findLinkById(link.id))?.defenderIncidentId).toBe('1');
    expect(await first.findLinkById(link.id)).toBeUndefined();
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StaleLinkError, type Store } from '../../src/store/store.ts';
import { storeBackends, type TestDatabase } from '../support/storeBackends.ts';

const ARM_ID =
  '/subscriptions/5c2f1a9e-0d3b-4c7a-8e6f-2b1a0c9d8e7f/resourceGroups/soc-rg/providers/Microsoft.OperationalInsights/' +
  'workspaces/fabrikam-soc/providers/Microsoft.SecurityInsights/incidents/0f5e6d7c-8b9a-4a0b-9c1d-2e3f4a5b6c7d';

describe.each(await storeBackends())('links on $name', (backend) => {
  let temp: TestDatabase;
  beforeEach(async () => {
    temp = await backend.open();
  });
  afterEach(() => temp.dispose());

  function newLink(overrides: Partial<Parameters<Store['createLink']>[0]> = {}) {
    return temp.store.createLink({
      pairName: 'fabrikam',
      defenderTenantId: 'tenant-1',
      defenderIncidentId: '4410027',
      sentinelIncidentArmId: ARM_ID,
      sentinelIncidentNumber: 5120,
      linkedBy: 'providerIncidentId',
      ...overrides,
    });
  }

  describe('links', () => {
    it('finds a link by either side, ARM ids case-insensitively', async () => {
      const link = await newLink();

      expect((await temp.store.findLinkBySentinelArmId(ARM_ID.toUpperCase()))?.id).toBe(link.id);
      expect(
        (await temp.store.findLinksByDefender('tenant-1', '4410027')).map((found) => found.id),
      ).toEqual([link.id]);
      expect((await temp.store.findLinksBySentinelNumber(5120)).map((found) => found.id)).toEqual([
        link.id,
      ]);
    });

    it('walks every link of a pair in pages, each link once, other pairs left out', async () => {
      const created = [];
      for (let index = 0; index < 7; index += 1) {
        created.push(
          await newLink({
            defenderIncidentId: String(500 + index),
            sentinelIncidentArmId: `${ARM_ID.slice(0, -4)}${1000 + index}`,
          }),
        );
      }
      await newLink({
        pairName: 'contoso',
        defenderIncidentId: '900',
        sentinelIncidentArmId: `${ARM_ID.slice(0, -4)}9000`,
      });

      const pages: string[][] = [];
      for await (const page of temp.store.listLinkPages('fabrikam', 3)) {
        pages.push(page.map((link) => link.id));
      }

      expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
      expect(pages.flat().sort()).toEqual(created.map((link) => link.id).sort());
    });

    it('returns the existing link when the same pair is linked twice at once', async () => {
      const [first, second] = await Promise.all([newLink(), newLink()]);
      expect(first.id).toBe(second.id);
    });

    it('saves the synced state and refuses a stale revision', async () => {
      const link = await newLink();
      const state = {
        defenderSnapshot: { v: 1, status: 'active' },
        sentinelSnapshot: { v: 1, status: 'New' },
        determinationMemory: { truePositive: 'malware' },
        sentinelIncidentNumber: 5120,
        syncedAt: '2026-10-02T10:00:00.000Z',
      };

      const saved = await temp.store.saveSyncedState(link.id, link.revision, state);
      expect(saved).toMatchObject({
        revision: link.revision + 1,
        defenderSnapshot: state.defenderSnapshot,
        determinationMemory: state.determinationMemory,
        lastSyncedAt: state.syncedAt,
      });
      await expect(
        temp.store.saveSyncedState(link.id, link.revision, state),
      ).rejects.toBeInstanceOf(StaleLinkError);
    });

    it('writes a synced state and its audit entry together or not at all', async () => {
      const link = await newLink();
      await expect(
        temp.store.transaction(async (store) => {
          await store.appendAudit({
            linkId: link.id,
            pairName: 'fabrikam',
            trigger: 'test',
            outcome: 'written',
            detail: {},
          });
          await store.saveSyncedState(link.id, link.revision + 5, {
            defenderSnapshot: {},
            sentinelSnapshot: {},
            determinationMemory: {},
            sentinelIncidentNumber: null,
            syncedAt: 'now',
          });
        }),
      ).rejects.toBeInstanceOf(StaleLinkError);

      expect(await temp.store.listAudit(link.id)).toEqual([]);
    });
  });

  describe('the database', () => {
    it('keeps links across a reopen (migrations run once)', async () => {
      const link = await newLink();
      await temp.store.close();

      const reopened = await temp.openAnother();
      expect((await reopened.findLinkById(link.id))?.defenderIncidentId).toBe('4410027');
    });
  });
});

/**
 * Links the bench pairs straight in the store, with the synced state a first sync of an
 * aligned pair leaves (each side's snapshot as read, and its comments found carried at the
 * Sentinel etag it read), without making the calls that sync would make. Benchmarks that
 * measure what happens after linking start from here.
 */
import { readGraphIncident } from '../../src/mapping/readGraphIncident.ts';
import { readSentinelIncident } from '../../src/mapping/sentinelIncidentView.ts';
import type { RunningEmulator } from '../../src/emulator/index.ts';
import type { Store } from '../../src/store/store.ts';
import { snapshotOfDefender, snapshotOfSentinel } from '../../src/sync/core/snapshots.ts';
import { BENCH_TENANT, benchDefenderId, benchSentinelArmId } from './benchSeed.ts';

const BATCH = 500;

export async function linkPairs(
  store: Store,
  emulator: RunningEmulator,
  pairName: string,
  count: number,
): Promise<void> {
  for (let start = 0; start < count; start += BATCH) {
    const end = Math.min(count, start + BATCH);
    await store.transaction(async (batch) => {
      for (let index = start; index < end; index += 1)
        await linkOne(batch, emulator, pairName, index);
    });
  }
}

async function linkOne(
  store: Store,
  emulator: RunningEmulator,
  pairName: string,
  index: number,
): Promise<void> {
  const defender = emulator.state.getDefenderIncident(BENCH_TENANT, benchDefenderId(index));
  const sentinel = emulator.state.getSentinelIncident(benchSentinelArmId(index));
  if (!defender || !sentinel) throw new Error(`bench pair ${index} is missing`);

  const link = await store.createLink({
    pairName,
    defenderTenantId: BENCH_TENANT,
    defenderIncidentId: defender.id,
    sentinelIncidentArmId: sentinel.id,
    sentinelIncidentNumber: sentinel.properties.incidentNumber ?? null,
    linkedBy: 'providerIncidentId',
  });
  await store.saveSyncedState(link.id, link.revision, {
    defenderSnapshot: snapshotOfDefender(readGraphIncident(defender).incident),
    sentinelSnapshot: snapshotOfSentinel(readSentinelIncident(sentinel).incident),
    determinationMemory: {},
    sentinelIncidentNumber: sentinel.properties.incidentNumber ?? null,
    syncedAt: new Date().toISOString(),
  });
  if (sentinel.etag) await store.markCommentsSynced(link.id, sentinel.etag);
}

/**
 * Analyst edits for the sync benchmarks, made in the emulator's portals, and the check that
 * every pair ended aligned. Pairs take turns over five kinds of change: Defender status,
 * Defender tag or assignee, Sentinel status, Sentinel label or owner, and a change on both
 * sides at once (Defender status and a Sentinel label). Each side that changed needs exactly
 * one write to the other side.
 */
import type { RunningEmulator } from '../../src/emulator/index.ts';
import { graphStatusToSentinel, parseGraphStatus } from '../../src/mapping/statusTable.ts';
import { BENCH_ANALYSTS, BENCH_TENANT, benchDefenderId, benchSentinelArmId } from './benchSeed.ts';

export interface EditTally {
  /** Sides changed: each needs one write to its twin. */
  defenderChanges: number;
  sentinelChanges: number;
}

export function editPair(emulator: RunningEmulator, index: number, tally: EditTally): void {
  const defenderId = benchDefenderId(index);
  const sentinelId = benchSentinelArmId(index);
  const analyst = BENCH_ANALYSTS[index % BENCH_ANALYSTS.length] ?? null;
  const editDefender = (changes: Parameters<typeof emulator.state.editDefenderIncident>[2]) => {
    emulator.state.editDefenderIncident(BENCH_TENANT, defenderId, changes);
    tally.defenderChanges += 1;
  };
  const editSentinel = (changes: Parameters<typeof emulator.state.editSentinelIncident>[1]) => {
    emulator.state.editSentinelIncident(sentinelId, changes);
    tally.sentinelChanges += 1;
  };

  switch (index % 5) {
    case 0:
      editDefender({ status: 'inProgress' });
      return;
    case 1:
      editDefender(index % 2 === 0 ? { assignedTo: analyst } : { customTags: ['bench-d'] });
      return;
    case 2:
      editSentinel({ status: 'Active' });
      return;
    case 3:
      editSentinel(
        index % 2 === 0
          ? { owner: { userPrincipalName: analyst } }
          : { labels: [{ labelName: 'bench-s', labelType: 'User' }] },
      );
      return;
    default:
      editDefender({ status: 'inProgress' });
      editSentinel({ labels: [{ labelName: 'bench-s', labelType: 'User' }] });
  }
}

/** Indexes of the pairs whose two sides do not match in status, tags and owner. */
export function misalignedPairs(emulator: RunningEmulator, count: number): number[] {
  const misaligned: number[] = [];
  for (let index = 0; index < count; index += 1) {
    if (!aligned(emulator, index)) misaligned.push(index);
  }
  return misaligned;
}

function aligned(emulator: RunningEmulator, index: number): boolean {
  const defender = emulator.state.getDefenderIncident(BENCH_TENANT, benchDefenderId(index));
  const sentinel = emulator.state.getSentinelIncident(benchSentinelArmId(index));
  if (!defender || !sentinel) return false;

  const graphStatus = parseGraphStatus(defender.status);
  const status = graphStatus ? graphStatusToSentinel(graphStatus) : undefined;
  const sameStatus = status?.kind === 'status' && status.status === sentinel.properties.status;
  const tags = [...(defender.customTags ?? [])].sort().join(',');
  const labels = (sentinel.properties.labels ?? [])
    .map((label) => label.labelName)
    .sort()
    .join(',');
  const assignee = (defender.assignedTo ?? '').toLowerCase();
  const owner = (sentinel.properties.owner?.userPrincipalName ?? '').toLowerCase();
  return sameStatus && tags === labels && assignee === owner;
}

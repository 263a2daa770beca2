/** Compares the emulator's final state of every pair with the model; lists each difference. */
import type { RunningEmulator } from '../../src/emulator/index.ts';
import { graphClassificationToSentinel } from '../../src/mapping/classificationTable.ts';
import { graphStatusToSentinel } from '../../src/mapping/statusTable.ts';
import type { GraphClassification, GraphDetermination } from '../../src/model/graphIncident.ts';
import type { ChaosModel } from './chaosModel.ts';
import { CHAOS_TENANT, chaosDefenderId, chaosIncidentName } from './chaosSeed.ts';

export interface PairDifference {
  index: number;
  field: string;
  expected: string;
  actual: string;
}

export function differences(emulator: RunningEmulator, model: ChaosModel): PairDifference[] {
  const found: PairDifference[] = [];
  model.pairs.forEach((expected, index) => {
    const defender = emulator.state.getDefenderIncident(CHAOS_TENANT, chaosDefenderId(index));
    const sentinel = emulator.state.getSentinelIncident(chaosIncidentName(index));
    if (!defender || !sentinel) {
      found.push({ index, field: 'exists', expected: 'both', actual: 'missing' });
      return;
    }
    const check = (field: string, want: unknown, got: unknown): void => {
      const wanted = JSON.stringify(want);
      const actual = JSON.stringify(got);
      if (wanted !== actual) found.push({ index, field, expected: wanted, actual });
    };

    const mapped = graphStatusToSentinel(expected.status);
    check('defender.status', expected.status, defender.status);
    check(
      'sentinel.status',
      mapped.kind === 'status' ? mapped.status : '?',
      sentinel.properties.status,
    );
    if (expected.status === 'resolved') {
      check(
        'defender.classification',
        [expected.classification, expected.determination],
        [defender.classification, defender.determination],
      );
      const pair = graphClassificationToSentinel(
        expected.classification as GraphClassification,
        expected.determination as GraphDetermination,
      );
      check(
        'sentinel.classification',
        [pair.classification, pair.classificationReason],
        [sentinel.properties.classification, sentinel.properties.classificationReason ?? null],
      );
    }

    check('defender.assignedTo', expected.owner, defender.assignedTo ?? null);
    check('sentinel.owner', expected.owner, sentinel.properties.owner?.userPrincipalName ?? null);

    const tags = [...expected.defenderTags, ...expected.sentinelTags].sort();
    check('defender.tags', tags, [...(defender.customTags ?? [])].sort());
    check(
      'sentinel.labels',
      tags,
      (sentinel.properties.labels ?? []).map((label) => label.labelName).sort(),
    );

    const defenderTexts = (defender.comments ?? []).map((comment) => comment.comment ?? '');
    const sentinelTexts = emulator.state
      .getSentinelComments(chaosIncidentName(index))
      .map((comment) => comment.properties.message);
    for (const text of [...expected.defenderComments, ...expected.sentinelComments]) {
      check(
        `defender.comment "${text}"`,
        1,
        defenderTexts.filter((candidate) => candidate.includes(text)).length,
      );
      check(
        `sentinel.comment "${text}"`,
        1,
        sentinelTexts.filter((candidate) => candidate.includes(text)).length,
      );
    }
  });
  return found;
}

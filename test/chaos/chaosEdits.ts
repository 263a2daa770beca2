/**
 * The random edits of a chaos run, as analysts would make them in the two portals, applied to
 * the emulator and recorded in the model. Defender edits status (with a classification when it
 * resolves), its `d-` tags and comments; Sentinel edits the owner, its `s-` labels and comments.
 */
import type { RunningEmulator } from '../../src/emulator/index.ts';
import {
  DETERMINATIONS_BY_CLASSIFICATION,
  type GraphVerdict,
} from '../../src/mapping/classificationTable.ts';
import type { ChaosModel } from './chaosModel.ts';
import { CHAOS_ANALYSTS, CHAOS_TENANT, chaosDefenderId, chaosIncidentName } from './chaosSeed.ts';

type Random = () => number;

const VERDICTS = Object.keys(DETERMINATIONS_BY_CLASSIFICATION) as GraphVerdict[];
/** Sentinel keeps at most 100 comments per incident; the run stays well under. */
const MAX_COMMENTS_PER_SIDE = 6;

export function applyRandomEdit(
  emulator: RunningEmulator,
  model: ChaosModel,
  random: Random,
  sequence: number,
): void {
  const index = Math.floor(random() * model.pairs.length);
  const expected = model.pair(index);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

  if (random() < 0.5) {
    const id = chaosDefenderId(index);
    const kind = pick(['status', 'status', 'tag', 'comment'] as const);
    if (kind === 'status') {
      const status = pick(['active', 'inProgress', 'resolved'] as const);
      const classification = status === 'resolved' ? pick(VERDICTS) : expected.classification;
      const determination =
        status === 'resolved'
          ? pick(DETERMINATIONS_BY_CLASSIFICATION[classification as GraphVerdict])
          : expected.determination;
      emulator.state.editDefenderIncident(CHAOS_TENANT, id, {
        status,
        classification,
        determination,
      });
      Object.assign(expected, { status, classification, determination });
      model.defenderFieldEdits += 1;
    } else if (kind === 'tag') {
      const tag = `d-${Math.floor(random() * 5)}`;
      const current = emulator.state.getDefenderIncident(CHAOS_TENANT, id)?.customTags ?? [];
      const next = current.includes(tag)
        ? current.filter((existing) => existing !== tag)
        : [...current, tag];
      emulator.state.editDefenderIncident(CHAOS_TENANT, id, { customTags: next });
      if (next.includes(tag)) expected.defenderTags.add(tag);
      else expected.defenderTags.delete(tag);
      model.defenderFieldEdits += 1;
    } else if (expected.defenderComments.length < MAX_COMMENTS_PER_SIDE) {
      const text = `defender note ${index}/${sequence}#`;
      emulator.state.addDefenderComment(CHAOS_TENANT, id, text);
      expected.defenderComments.push(text);
    }
    return;
  }

  const name = chaosIncidentName(index);
  const kind = pick(['owner', 'label', 'label', 'comment'] as const);
  if (kind === 'owner') {
    const owner = random() < 0.2 ? null : pick(CHAOS_ANALYSTS);
    emulator.state.editSentinelIncident(name, {
      owner: owner
        ? { userPrincipalName: owner }
        : { objectId: null, email: null, assignedTo: null, userPrincipalName: null },
    });
    expected.owner = owner;
    model.sentinelFieldEdits += 1;
  } else if (kind === 'label') {
    const tag = `s-${Math.floor(random() * 5)}`;
    const current = emulator.state.getSentinelIncident(name)?.properties.labels ?? [];
    const has = current.some((label) => label.labelName === tag);
    const next = has
      ? current.filter((label) => label.labelName !== tag)
      : [...current, { labelName: tag }];
    emulator.state.editSentinelIncident(name, { labels: next });
    if (has) expected.sentinelTags.delete(tag);
    else expected.sentinelTags.add(tag);
    model.sentinelFieldEdits += 1;
  } else if (expected.sentinelComments.length < MAX_COMMENTS_PER_SIDE) {
    const text = `sentinel note ${index}/${sequence}#`;
    emulator.state.addSentinelComment(name, text);
    expected.sentinelComments.push(text);
  }
}

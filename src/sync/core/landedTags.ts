/**
 * Tags settle one by one after a write whose outcome is unknown. Treating the tag list as one
 * value would, after any later edit to the list, forget a tag change that did land, and the
 * next merge would then read that change as a person's edit and spread it: a label removed,
 * synced to Defender, then added back in Sentinel while the answer was lost, came out removed
 * on both sides.
 *
 * For each tag: where the write meant to change it on a side, that side must now hold the
 * written membership, or the tag keeps its last synced state. Where the write left it alone
 * on both sides, both sides held the same membership when read, which becomes its synced state.
 */
import { syncableLabelNames, tagKey, unionTags } from '../../mapping/labelMapping.ts';
import type { DefenderIncidentView } from '../../mapping/defenderIncidentView.ts';
import type { SentinelIncidentView } from '../../mapping/sentinelIncidentView.ts';
import type { DefenderSnapshot, SentinelSnapshot } from './snapshots.ts';

/** The tag lists as read just before a write, on each side. */
export interface TagsRead {
  defender: string[];
  sentinel: string[];
}

export interface LandedTagsInput {
  now: { defender: DefenderIncidentView; sentinel: SentinelIncidentView };
  read: TagsRead;
  after: { defender: DefenderSnapshot; sentinel: SentinelSnapshot };
  writtenOn: { defender: boolean; sentinel: boolean };
}

/** Updates both base snapshots in place, tag by tag. */
export function settleLandedTags(
  input: LandedTagsInput,
  baseDefender: DefenderSnapshot,
  baseSentinel: SentinelSnapshot,
): void {
  const sides = {
    defender: {
      now: keysOf(input.now.defender.customTags),
      read: keysOf(input.read.defender),
      after: keysOf(input.after.defender.customTags),
    },
    sentinel: {
      now: keysOf(syncableLabelNames(input.now.sentinel.labels)),
      read: keysOf(input.read.sentinel),
      after: keysOf(syncableLabelNames(input.after.sentinel.labels)),
    },
  };
  const candidates = unionTags(
    baseDefender.customTags,
    syncableLabelNames(baseSentinel.labels),
    input.after.defender.customTags,
    syncableLabelNames(input.after.sentinel.labels),
  );

  for (const tag of candidates) {
    const key = tagKey(tag);
    const unsettled = (['defender', 'sentinel'] as const).some((side) => {
      const view = sides[side];
      const changedByWrite = input.writtenOn[side] && view.read.has(key) !== view.after.has(key);
      return changedByWrite && view.now.has(key) !== view.after.has(key);
    });
    if (unsettled) continue;

    setDefenderTag(baseDefender, input.after.defender, key);
    setSentinelLabel(baseSentinel, input.after.sentinel, key);
  }
}

function keysOf(tags: string[]): Set<string> {
  return new Set(tags.map(tagKey));
}

function setDefenderTag(base: DefenderSnapshot, after: DefenderSnapshot, key: string): void {
  const written = after.customTags.find((tag) => tagKey(tag) === key);
  const kept = base.customTags.filter((tag) => tagKey(tag) !== key);
  base.customTags = written === undefined ? kept : [...kept, written];
}

function setSentinelLabel(base: SentinelSnapshot, after: SentinelSnapshot, key: string): void {
  const written = after.labels.find((label) => tagKey(label.labelName) === key);
  const kept = base.labels.filter((label) => tagKey(label.labelName) !== key);
  base.labels = written === undefined ? kept : [...kept, { ...written }];
}

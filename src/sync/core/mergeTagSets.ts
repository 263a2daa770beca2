/**
 * Tags merge as sets, against the last synced state: whatever either side added since is added,
 * whatever either side removed since is removed. Replacing one list with the other would undo
 * the other side's edits, since both APIs write the whole list.
 */
import { tagKey, unionTags } from '../../mapping/labelMapping.ts';

export interface TagMergeInput {
  defender: string[];
  sentinel: string[];
  /** Undefined on the first sync of a pair: then the result is the union. */
  baseDefender?: string[];
  baseSentinel?: string[];
}

export interface TagMergeResult {
  merged: string[];
  added: string[];
  removed: string[];
}

export function mergeTagSets(input: TagMergeInput): TagMergeResult {
  if (!input.baseDefender || !input.baseSentinel) {
    return { merged: unionTags(input.defender, input.sentinel), added: [], removed: [] };
  }

  const base = unionTags(input.baseDefender, input.baseSentinel);
  const added = unionTags(
    difference(input.defender, input.baseDefender),
    difference(input.sentinel, input.baseSentinel),
  );
  const removed = unionTags(
    difference(input.baseDefender, input.defender),
    difference(input.baseSentinel, input.sentinel),
  );

  const removedKeys = new Set(removed.map(tagKey));
  const merged = unionTags(input.defender, input.sentinel, base, added).filter(
    (tag) => !removedKeys.has(tagKey(tag)),
  );
  return { merged, added, removed };
}

function difference(list: string[], minus: string[]): string[] {
  const keys = new Set(minus.map(tagKey));
  return list.filter((tag) => !keys.has(tagKey(tag)));
}

/**
 * Defender tags against Sentinel labels (sync-semantics section 6.6). Both sides replace the
 * whole list on write and compare names case-insensitively. Some labels are incident-bridge's
 * own markers or copies of Defender system tags; those never travel back to Defender.
 */
import type { SentinelIncidentView } from './sentinelIncidentView.ts';
import { AWAITING_ACTION_LABEL, REDIRECTED_LABEL } from './statusTable.ts';

export const SYSTEM_TAG_LABEL_PREFIX = 'sys:';
/** Labels the enrichment writes (`enrich:ti-hit`, `enrich:vip`): verdict markers, not tags. */
export const ENRICHMENT_LABEL_PREFIX = 'enrich:';
const RESERVED_PREFIXES = [SYSTEM_TAG_LABEL_PREFIX, 'defender:', ENRICHMENT_LABEL_PREFIX];
const RESERVED_NAMES = [REDIRECTED_LABEL, AWAITING_ACTION_LABEL].map((name) => name.toLowerCase());

export function tagKey(tag: string): string {
  return tag.trim().toLowerCase();
}

/** True for labels incident-bridge writes for its own bookkeeping. */
export function isReservedLabel(labelName: string): boolean {
  const key = tagKey(labelName);
  return RESERVED_NAMES.includes(key) || RESERVED_PREFIXES.some((prefix) => key.startsWith(prefix));
}

export function systemTagLabel(systemTag: string): string {
  return `${SYSTEM_TAG_LABEL_PREFIX}${systemTag}`;
}

/** The labels that mirror Defender tags: user-typed, not reserved. */
export function syncableLabelNames(labels: SentinelIncidentView['labels']): string[] {
  return labels
    .filter((label) => label.labelType !== 'AutoAssigned' && !isReservedLabel(label.labelName))
    .map((label) => label.labelName);
}

/** Case-insensitive union that keeps the first spelling seen. */
export function unionTags(...lists: string[][]): string[] {
  const byKey = new Map<string, string>();
  for (const list of lists) {
    for (const tag of list) {
      if (!byKey.has(tagKey(tag))) byKey.set(tagKey(tag), tag);
    }
  }
  return [...byKey.values()];
}

export function sameTagSet(a: string[], b: string[]): boolean {
  const left = new Set(a.map(tagKey));
  const right = new Set(b.map(tagKey));
  return left.size === right.size && [...left].every((key) => right.has(key));
}

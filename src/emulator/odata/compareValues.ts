/**
 * Ordering of the values the emulated resources hold, shared by `$filter` and `$orderby`.
 * Date-times compare by instant (so `…:00Z` and `…:00.0000000Z` are equal), numbers
 * numerically, strings by code unit unless the caller asks to ignore case.
 */
import { looksLikeTimestamp, parseTimestamp } from '../timestamps.ts';
import type { FilterLiteral } from './filterParser.ts';

/** Negative, zero or positive like `Array.prototype.sort`; `undefined` when incomparable. */
export function compareToLiteral(
  value: unknown,
  literal: FilterLiteral,
  ignoreCase: boolean,
): number | undefined {
  switch (literal.type) {
    case 'datetime':
      return typeof value === 'string'
        ? compareTicks(parseTimestamp(value), literal.ticks)
        : undefined;
    case 'number':
      return typeof value === 'number' ? Math.sign(value - literal.value) : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? Number(value) - Number(literal.value) : undefined;
    case 'string':
      return typeof value === 'string'
        ? compareStrings(value, literal.value, ignoreCase)
        : undefined;
    case 'null':
      return undefined;
  }
}

/** Sort order for `$orderby`: missing values first, then by type-appropriate comparison. */
export function compareSortValues(a: unknown, b: unknown): number {
  const aMissing = a === null || a === undefined;
  const bMissing = b === null || b === undefined;
  if (aMissing && bMissing) return 0;
  if (aMissing) return -1;
  if (bMissing) return 1;

  if (typeof a === 'number' && typeof b === 'number') return Math.sign(a - b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return compareStrings(String(a), String(b), false);
}

function compareStrings(a: string, b: string, ignoreCase: boolean): number {
  if (looksLikeTimestamp(a) && looksLikeTimestamp(b)) {
    const byInstant = compareTicks(parseTimestamp(a), parseTimestamp(b));
    if (byInstant !== undefined) return byInstant;
  }

  const left = ignoreCase ? a.toLowerCase() : a;
  const right = ignoreCase ? b.toLowerCase() : b;
  if (left === right) return 0;
  return left < right ? -1 : 1;
}

function compareTicks(a: bigint | undefined, b: bigint | undefined): number | undefined {
  if (a === undefined || b === undefined) return undefined;
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

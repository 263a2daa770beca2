/**
 * `$orderby`: a comma-separated list of `path [asc|desc]` keys, applied left to right.
 */
import { compareSortValues } from './compareValues.ts';
import type { FieldResolver } from './filterEvaluator.ts';
import { ODataQueryError } from './odataQueryError.ts';

export interface OrderByKey {
  path: string[];
  descending: boolean;
}

const ORDER_KEY = /^([A-Za-z_][A-Za-z0-9_./]*)(?:\s+(asc|desc))?$/i;

export function parseOrderBy(text: string): OrderByKey[] {
  const parts = text.split(',').map((part) => part.trim());
  if (parts.some((part) => part.length === 0)) {
    throw new ODataQueryError('$orderby', 'The $orderby list has an empty key');
  }

  return parts.map((part) => {
    const match = ORDER_KEY.exec(part);
    if (!match?.[1]) throw new ODataQueryError('$orderby', `'${part}' is not a valid sort key`);
    return { path: match[1].split('/'), descending: match[2]?.toLowerCase() === 'desc' };
  });
}

/** Sorts a copy of `items`; ties keep their input order. */
export function sortByKeys<T>(
  items: readonly T[],
  keys: readonly OrderByKey[],
  resolve: (item: T) => FieldResolver,
): T[] {
  const indexed = items.map((item, index) => ({ item, index, read: resolve(item) }));

  indexed.sort((a, b) => {
    for (const key of keys) {
      const order = compareSortValues(a.read(key.path), b.read(key.path));
      if (order !== 0) return key.descending ? -order : order;
    }
    return a.index - b.index;
  });

  return indexed.map((entry) => entry.item);
}

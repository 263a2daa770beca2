/**
 * Evaluates a parsed `$filter` against one resource. Each API supplies the resolver that
 * maps a property path to the stored value, which is where per-service quirks live.
 */
import { compareToLiteral } from './compareValues.ts';
import type { ComparisonOperator, FilterExpression } from './filterParser.ts';

export type FieldResolver = (path: readonly string[]) => unknown;

export interface FilterEvaluationOptions {
  /** Paths whose string comparisons ignore case (Graph enum properties, e-mail addresses). */
  ignoreCase?: (path: readonly string[]) => boolean;
}

export function matchesFilter(
  expression: FilterExpression,
  resolve: FieldResolver,
  options: FilterEvaluationOptions = {},
): boolean {
  switch (expression.kind) {
    case 'and':
      return (
        matchesFilter(expression.left, resolve, options) &&
        matchesFilter(expression.right, resolve, options)
      );
    case 'or':
      return (
        matchesFilter(expression.left, resolve, options) ||
        matchesFilter(expression.right, resolve, options)
      );
    case 'not':
      return !matchesFilter(expression.operand, resolve, options);
    case 'compare':
      return matchesComparison(expression, resolve, options);
  }
}

function matchesComparison(
  comparison: Extract<FilterExpression, { kind: 'compare' }>,
  resolve: FieldResolver,
  options: FilterEvaluationOptions,
): boolean {
  const value = resolve(comparison.path);
  const missing = value === null || value === undefined;

  // OData three-valued logic reduced to what the services answer: null equals only null,
  // and an ordering comparison with null on either side is false.
  if (comparison.literal.type === 'null' || missing) {
    const bothNull = missing && comparison.literal.type === 'null';
    if (comparison.operator === 'eq') return bothNull;
    if (comparison.operator === 'ne') return !bothNull;
    return false;
  }

  const ignoreCase = options.ignoreCase?.(comparison.path) ?? false;
  const order = compareToLiteral(value, comparison.literal, ignoreCase);
  if (order === undefined) return comparison.operator === 'ne';
  return satisfies(comparison.operator, order);
}

function satisfies(operator: ComparisonOperator, order: number): boolean {
  switch (operator) {
    case 'eq':
      return order === 0;
    case 'ne':
      return order !== 0;
    case 'gt':
      return order > 0;
    case 'ge':
      return order >= 0;
    case 'lt':
      return order < 0;
    case 'le':
      return order <= 0;
  }
}

/** Reads a `/`-separated path out of a plain JSON value. */
export function readPath(root: unknown, path: readonly string[]): unknown {
  let current: unknown = root;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

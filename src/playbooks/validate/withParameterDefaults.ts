/**
 * A copy of a value with each string that is exactly `[parameters('X')]` replaced by X's
 * default value, as a deployment with default parameters would leave it.
 */
import type { Json } from './workflowWalk.ts';

const PARAMETER_EXPRESSION = /^\[parameters\('([^']+)'\)\]$/;

export function withParameterDefaults<T>(value: T, template: Json): T {
  const parameters = (template['parameters'] ?? {}) as Record<string, Json>;
  const replace = (inner: unknown): unknown => {
    if (typeof inner === 'string') {
      const name = PARAMETER_EXPRESSION.exec(inner)?.[1];
      const fallback = name ? parameters[name]?.['defaultValue'] : undefined;
      return fallback === undefined ? inner : fallback;
    }
    if (Array.isArray(inner)) return inner.map(replace);
    if (typeof inner !== 'object' || inner === null) return inner;
    return Object.fromEntries(Object.entries(inner).map(([key, child]) => [key, replace(child)]));
  };
  return replace(value) as T;
}

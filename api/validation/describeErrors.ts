/**
 * Turns ajv errors into the field errors of a problem response: where (`body.properties.status`),
 * what is wrong, and the accepted values when the field takes a fixed set.
 */
import type { ErrorObject } from 'ajv';
import type { ProblemFieldError } from '../problems/problemError.ts';

/** Enough to fix a request; a fuzzed body with thousands of errors gets the first ones. */
const MAX_FIELD_ERRORS = 20;

export function describeErrors(
  errors: ErrorObject[],
  location: 'body' | 'query' | 'header' | 'path',
): ProblemFieldError[] {
  const described = errors
    .filter((error) => !['anyOf', 'oneOf', 'if'].includes(error.keyword))
    .map((error) => describeError(error, location));

  const unique = new Map<string, ProblemFieldError>();
  for (const error of described) unique.set(`${error.field}\u0000${error.message}`, error);
  return [...unique.values()].slice(0, MAX_FIELD_ERRORS);
}

function describeError(
  error: ErrorObject,
  location: 'body' | 'query' | 'header' | 'path',
): ProblemFieldError {
  const base = fieldPath(location, error.instancePath);
  const params = error.params as Record<string, unknown>;
  const parent = (error.parentSchema ?? {}) as { description?: string; example?: unknown };

  switch (error.keyword) {
    case 'required':
      return field(`${base}.${String(params['missingProperty'])}`, 'is required');
    case 'additionalProperties':
      return field(`${base}.${String(params['additionalProperty'])}`, 'is not a known field');
    case 'enum':
      return {
        field: base,
        message: 'must be one of the accepted values',
        acceptedValues: (params['allowedValues'] as unknown[])
          .filter((value) => value !== null)
          .map(String),
      };
    case 'type':
      return field(base, `must be ${describeType(params['type'])}`);
    case 'format':
      return field(base, `must be ${describeFormat(String(params['format']), parent.description)}`);
    case 'pattern':
      return field(
        base,
        parent.example
          ? `must look like ${String(parent.example)}`
          : `must match ${String(params['pattern'])}`,
      );
    default:
      return field(base, error.message ?? 'is not valid');
  }
}

function field(path: string, message: string): ProblemFieldError {
  return { field: path, message, acceptedValues: [] };
}

/** `/properties/owner/email` becomes `body.properties.owner.email`; list items keep their index. */
function fieldPath(location: string, instancePath: string): string {
  if (!instancePath) return location;
  const segments = instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
  return [location, ...segments].join('.');
}

function describeType(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  const named = types
    .filter((name) => name !== 'null')
    .map((name) => (/^[aeiou]/.test(String(name)) ? `an ${String(name)}` : `a ${String(name)}`));
  return types.includes('null') ? `${named.join(' or ')} or null` : named.join(' or ');
}

function describeFormat(format: string, description: string | undefined): string {
  if (format === 'sentinel-incident-arm-id') {
    return (
      'a Sentinel incident ARM id: /subscriptions/{subscription}/resourceGroups/{group}/providers/' +
      'Microsoft.OperationalInsights/workspaces/{workspace}/providers/Microsoft.SecurityInsights/incidents/{incident}'
    );
  }
  return description ? `${format} (${description})` : `a valid ${format}`;
}

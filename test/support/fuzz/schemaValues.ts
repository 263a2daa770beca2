/**
 * fast-check arbitraries of values a contract schema accepts, read from the OpenAPI document
 * itself: component references, anyOf/oneOf, enums, patterns, formats, lengths, nullable.
 * Strings include the whole of Unicode, so "valid" values are boundary values already.
 */
import fc from 'fast-check';
import type { JsonSchema } from '../../../api/validation/openapiDocument.ts';

/** Beyond this depth optional parts are left out, so recursive schemas stay finite. */
const MAX_DEPTH = 6;

/**
 * Values to mix into a named component now and then, e.g. the configured tenant, so that some
 * valid requests get past "no such pair" and reach the emulator. Kept rare: the clients'
 * call budgets pace what reaches it.
 */
export type ComponentHints = Record<string, fc.Arbitrary<unknown>>;

export class SchemaValues {
  constructor(
    private readonly components: Record<string, JsonSchema>,
    private readonly hints: ComponentHints = {},
  ) {}

  resolve(schema: JsonSchema): JsonSchema {
    const ref = schema['$ref'];
    if (typeof ref !== 'string') return schema;
    const resolved = this.components[ref.split('/').pop() ?? ''];
    if (!resolved) throw new Error(`unknown schema ${ref}`);
    return this.resolve(resolved);
  }

  valid(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
    const resolved = this.resolve(schema);
    const base = this.nonNull(resolved, depth);
    const ref = typeof schema['$ref'] === 'string' ? schema['$ref'].split('/').pop() : undefined;
    const hint = ref ? this.hints[ref] : undefined;
    const hinted = hint
      ? fc.oneof({ weight: 1, arbitrary: hint }, { weight: 12, arbitrary: base })
      : base;
    return resolved['nullable'] === true ? fc.oneof(fc.constant(null), hinted) : hinted;
  }

  private nonNull(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
    const choices = (schema['anyOf'] ?? schema['oneOf']) as JsonSchema[] | undefined;
    if (choices) return fc.oneof(...choices.map((choice) => this.valid(choice, depth)));
    if (Array.isArray(schema['enum'])) {
      return fc.constantFrom(...(schema['enum'] as unknown[]).filter((value) => value !== null));
    }

    switch (schema['type']) {
      case 'string':
        return this.string(schema);
      case 'integer':
        return fc.integer({
          min: numberOr(schema['minimum'], -2_147_483_648),
          max: numberOr(schema['maximum'], 2_147_483_647),
        });
      case 'number':
        return fc.double({ noNaN: true, noDefaultInfinity: true });
      case 'boolean':
        return fc.boolean();
      case 'array':
        return fc.array(this.valid((schema['items'] ?? {}) as JsonSchema, depth + 1), {
          maxLength: Math.min(numberOr(schema['maxItems'], 3), depth >= MAX_DEPTH ? 0 : 3),
        });
      case 'object':
        return this.object(schema, depth);
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  }

  private string(schema: JsonSchema): fc.Arbitrary<string> {
    const maxLength = numberOr(schema['maxLength'], 10_000);
    const minLength = numberOr(schema['minLength'], 0);
    if (schema['format'] === 'sentinel-incident-arm-id') return sentinelArmId();
    if (typeof schema['pattern'] === 'string') {
      return fc
        .stringMatching(new RegExp(schema['pattern']))
        .filter((value) => value.length >= minLength && value.length <= maxLength);
    }
    const length = { minLength, maxLength: Math.min(maxLength, 64) };
    return fc.oneof(
      fc.string(length),
      fc.string({ ...length, unit: 'grapheme' }),
      fc.string({ ...length, unit: 'binary' }),
    );
  }

  private object(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
    const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
    const required = (schema['required'] ?? []) as string[];
    if (Object.keys(properties).length === 0) {
      return fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), {
        maxKeys: 4,
      });
    }

    const kept = Object.keys(properties).filter(
      (name) => required.includes(name) || depth < MAX_DEPTH,
    );
    const model = Object.fromEntries(
      kept.map((name) => [name, this.valid(properties[name] ?? {}, depth + 1)]),
    );
    return fc.record(model, { requiredKeys: required.filter((name) => kept.includes(name)) });
  }
}

/** Well-formed ARM ids of Sentinel incidents, in random workspaces. */
export function sentinelArmId(): fc.Arbitrary<string> {
  const segment = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,20}$/);
  return fc
    .tuple(fc.uuid(), segment, segment, fc.uuid())
    .map(
      ([subscription, group, workspace, incident]) =>
        `/subscriptions/${subscription}/resourceGroups/${group}/providers/` +
        `Microsoft.OperationalInsights/workspaces/${workspace}/providers/` +
        `Microsoft.SecurityInsights/incidents/${incident}`,
    );
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' ? value : fallback;
}

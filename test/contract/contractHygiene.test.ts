/**
 * The contract is edited by hand: these checks catch the YAML slips that still parse, such as
 * a description with a comma in a flow mapping turning into a stray key.
 */
import { describe, expect, it } from 'vitest';
import { loadOpenApiDocument } from '../../api/validation/openapiDocument.ts';
import { routes } from '../../api/routes.ts';

const SCHEMA_KEYWORDS = new Set([
  '$ref',
  'type',
  'description',
  'enum',
  'default',
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'items',
  'minItems',
  'maxItems',
  'properties',
  'required',
  'nullable',
  'additionalProperties',
  'anyOf',
  'oneOf',
  'allOf',
  'example',
  'readOnly',
  'title',
]);

function strayKeys(schema: unknown, path: string, found: string[]): void {
  if (typeof schema !== 'object' || schema === null) return;
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties') {
      for (const [name, property] of Object.entries(value as Record<string, unknown>)) {
        strayKeys(property, `${path}.${name}`, found);
      }
      continue;
    }
    if (!SCHEMA_KEYWORDS.has(key) && !key.startsWith('x-')) found.push(`${path}: ${key}`);
    if (['items', 'additionalProperties'].includes(key)) strayKeys(value, `${path}[]`, found);
    if (['anyOf', 'oneOf', 'allOf'].includes(key))
      (value as unknown[]).forEach((item) => strayKeys(item, path, found));
  }
}

describe('the contract', () => {
  const document = loadOpenApiDocument();

  it('has no stray keys in its schemas', () => {
    const found: string[] = [];
    for (const [name, schema] of Object.entries(document.componentSchemas))
      strayKeys(schema, name, found);
    expect(found).toEqual([]);
  });

  it('routes every operation it declares, and declares every route', () => {
    const declared = document.operations.map((operation) => operation.operationId).sort();
    expect(routes.map((route) => route.operationId).sort()).toEqual(declared);
  });
});

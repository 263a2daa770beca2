/**
 * Turns an OpenAPI 3.0 Schema Object into JSON Schema that ajv validates: `nullable: true`
 * becomes a `null` type, component references point at the ids the schemas are registered
 * under, and OpenAPI-only annotations are dropped.
 */
import type { JsonSchema } from './openapiDocument.ts';

export const COMPONENT_ID_PREFIX = 'https://incident-bridge.dev/openapi/components/schemas/';

const OPENAPI_ONLY_KEYWORDS = new Set([
  'example',
  'discriminator',
  'xml',
  'externalDocs',
  'nullable',
]);

export function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (typeof schema !== 'object' || schema === null) return schema;

  const source = schema as JsonSchema;
  const converted: JsonSchema = {};
  for (const [key, value] of Object.entries(source)) {
    if (OPENAPI_ONLY_KEYWORDS.has(key) || key.startsWith('x-')) continue;
    if (key === '$ref') converted[key] = componentId(String(value));
    else if (key === 'properties') converted[key] = convertEach(value as JsonSchema);
    else converted[key] = toJsonSchema(value);
  }

  if (source['nullable'] === true) return allowNull(converted);
  return converted;
}

/** `properties` maps names to schemas: the names are data, not keywords, and stay as they are. */
function convertEach(properties: JsonSchema): JsonSchema {
  return Object.fromEntries(
    Object.entries(properties).map(([name, value]) => [name, toJsonSchema(value)]),
  );
}

export function componentId(ref: string): string {
  const name = ref.split('/').pop() ?? ref;
  return `${COMPONENT_ID_PREFIX}${name}`;
}

function allowNull(schema: JsonSchema): JsonSchema {
  if (typeof schema['type'] === 'string') {
    const widened: JsonSchema = { ...schema, type: [schema['type'], 'null'] };
    if (Array.isArray(schema['enum'])) widened['enum'] = [...schema['enum'], null];
    return widened;
  }
  return { anyOf: [{ type: 'null' }, schema] };
}

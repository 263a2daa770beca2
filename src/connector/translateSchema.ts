/**
 * Translates an OpenAPI 3.0 Schema Object into a Swagger 2.0 schema a custom connector
 * accepts. References are inlined, so every property carries its own `x-ms-summary` and
 * description in the designer; `nullable` becomes `x-nullable`; `anyOf`/`oneOf`, which the
 * designer cannot show, become one plain schema whose description names the accepted shapes;
 * formats Swagger does not define are dropped. Anything else without a Swagger 2.0 meaning
 * is reported, never silently lost.
 */
import type { JsonSchema } from '../../api/validation/openapiDocument.ts';
import { withDynamicList } from './dynamicList.ts';
import { fieldLabel } from './fieldLabel.ts';
import type { SwaggerSchema } from './swaggerTypes.ts';

export interface SchemaContext {
  components: Readonly<Record<string, JsonSchema>>;
  /** Where the schema is, for problem messages. */
  pointer: string;
  problems: string[];
  /** Component names being inlined along this branch, to catch reference loops. */
  inlining?: readonly string[];
}

/** Keywords with the same meaning in both versions, copied as they are. */
const SHARED_KEYWORDS = new Set([
  'title',
  'description',
  'default',
  'multipleOf',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxProperties',
  'minProperties',
  'enum',
  'type',
  'readOnly',
  'example',
]);

/** OpenAPI 3 annotations with no Swagger 2.0 counterpart that change nothing on the wire. */
const DROPPED_KEYWORDS = new Set(['writeOnly', 'deprecated', 'externalDocs', 'xml']);

/** Handled below, one by one. */
const TRANSLATED_KEYWORDS = new Set([
  '$ref',
  'nullable',
  'format',
  'items',
  'properties',
  'required',
  'additionalProperties',
  'anyOf',
  'oneOf',
  'allOf',
]);

export const SWAGGER_FORMATS = new Set([
  'int32',
  'int64',
  'float',
  'double',
  'byte',
  'binary',
  'date',
  'date-time',
  'password',
  'email',
  'uri',
  'uuid',
]);

export function translateSchema(schema: JsonSchema, context: SchemaContext): SwaggerSchema {
  const ref = schema['$ref'];
  if (typeof ref === 'string') return translateReference(ref, schema, context);

  if (Array.isArray(schema['anyOf']) || Array.isArray(schema['oneOf'])) {
    return translateAlternatives(schema, context);
  }

  const merged = Array.isArray(schema['allOf']) ? mergeAllOf(schema, context) : schema;
  const result: SwaggerSchema = {};

  for (const [key, value] of Object.entries(merged)) {
    if (SHARED_KEYWORDS.has(key) || key.startsWith('x-')) result[key] = value;
    else if (!DROPPED_KEYWORDS.has(key) && !TRANSLATED_KEYWORDS.has(key)) {
      context.problems.push(`${context.pointer}: '${key}' has no Swagger 2.0 translation`);
    }
  }

  if (merged['nullable'] === true) result['x-nullable'] = true;

  const format = merged['format'];
  if (typeof format === 'string' && SWAGGER_FORMATS.has(format)) result['format'] = format;

  if (merged['items'] !== undefined) {
    result['items'] = translateSchema(merged['items'] as JsonSchema, at(context, 'items'));
  }

  if (merged['properties'] !== undefined) {
    result['properties'] = translateProperties(merged['properties'] as JsonSchema, context);
    const required = (merged['required'] as string[] | undefined) ?? [];
    if (required.length > 0) result['required'] = [...required];
  }

  const additional = merged['additionalProperties'];
  if (typeof additional === 'boolean') result['additionalProperties'] = additional;
  else if (additional !== undefined) {
    result['additionalProperties'] = translateSchema(
      additional as JsonSchema,
      at(context, 'additionalProperties'),
    );
  }

  return withDynamicList(result);
}

/** Each property labelled for the designer: its own `x-ms-summary`, or one from its name. */
function translateProperties(properties: JsonSchema, context: SchemaContext): SwaggerSchema {
  const translated: SwaggerSchema = {};
  for (const [name, value] of Object.entries(properties)) {
    const property = translateSchema(value as JsonSchema, at(context, `properties/${name}`));
    translated[name] = { 'x-ms-summary': fieldLabel(name), ...property };
  }
  return translated;
}

/**
 * A reference is inlined. Annotations written beside it (allowed in OpenAPI 3.1 and read by
 * most tools) win over the target's, so one shared type can be described per use.
 */
function translateReference(
  ref: string,
  schema: JsonSchema,
  context: SchemaContext,
): SwaggerSchema {
  const name = ref.replace('#/components/schemas/', '');
  const target = context.components[name];
  if (!ref.startsWith('#/components/schemas/') || !target) {
    context.problems.push(`${context.pointer}: reference '${ref}' points at no component schema`);
    return {};
  }

  const inlining = context.inlining ?? [];
  if (inlining.includes(name)) {
    context.problems.push(
      `${context.pointer}: '${name}' refers to itself; connectors allow no loops`,
    );
    return {};
  }

  const inlined = translateSchema(target, {
    ...context,
    pointer: `#/components/schemas/${name}`,
    inlining: [...inlining, name],
  });
  const siblings = Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$ref'));
  return { ...inlined, ...translateSchema(siblings, context) };
}

/**
 * `anyOf` / `oneOf` become one schema: an object when every branch is an object (the body is
 * passed whole, e.g. a trigger body), a primitive when every branch has the same type, and an
 * untyped value otherwise. The description says which shapes are accepted.
 */
function translateAlternatives(schema: JsonSchema, context: SchemaContext): SwaggerSchema {
  const keyword = Array.isArray(schema['anyOf']) ? 'anyOf' : 'oneOf';
  const branches = (schema[keyword] as JsonSchema[]).map((branch, index) =>
    resolveBranch(branch, at(context, `${keyword}/${index}`)),
  );

  const types = new Set(branches.map((branch) => branchType(branch)));
  const [onlyType] = types;
  const shapes = branches.map(describeBranch);
  const ownDescription = typeof schema['description'] === 'string' ? schema['description'] : '';
  const description = [ownDescription, `Accepted shapes: ${shapes.join('; ')}.`]
    .filter((part) => part.length > 0)
    .join(' ');

  const result: SwaggerSchema = { description };
  if (types.size === 1 && onlyType) result['type'] = onlyType;
  if (schema['nullable'] === true) result['x-nullable'] = true;
  for (const [key, value] of Object.entries(schema)) {
    if (key.startsWith('x-')) result[key] = value;
  }
  return result;
}

function resolveBranch(branch: JsonSchema, context: SchemaContext): JsonSchema {
  const ref = branch['$ref'];
  if (typeof ref !== 'string') return branch;
  const target = context.components[ref.replace('#/components/schemas/', '')];
  if (!target) {
    context.problems.push(`${context.pointer}: reference '${ref}' points at no component schema`);
    return {};
  }
  return { ...target, 'x-component': ref.split('/').pop() };
}

function branchType(branch: JsonSchema): string {
  if (typeof branch['type'] === 'string') return branch['type'];
  return branch['properties'] ? 'object' : 'any';
}

function describeBranch(branch: JsonSchema): string {
  const name = typeof branch['x-component'] === 'string' ? branch['x-component'] : '';
  const text = typeof branch['description'] === 'string' ? branch['description'] : '';
  const what = text.replace(/\.$/, '') || `${branchType(branch)}${patternNote(branch)}`;
  return name ? `${name} (${what})` : what;
}

function patternNote(branch: JsonSchema): string {
  return typeof branch['pattern'] === 'string' ? ` matching ${branch['pattern']}` : '';
}

function mergeAllOf(schema: JsonSchema, context: SchemaContext): JsonSchema {
  const parts = (schema['allOf'] as JsonSchema[]).map((part, index) =>
    resolveBranch(part, at(context, `allOf/${index}`)),
  );
  const merged: JsonSchema = { ...schema };
  delete merged['allOf'];

  const properties: JsonSchema = { ...((schema['properties'] as JsonSchema) ?? {}) };
  const required = new Set<string>((schema['required'] as string[] | undefined) ?? []);
  for (const part of parts) {
    Object.assign(properties, (part['properties'] as JsonSchema | undefined) ?? {});
    for (const name of (part['required'] as string[] | undefined) ?? []) required.add(name);
    if (merged['type'] === undefined && part['type'] !== undefined) merged['type'] = part['type'];
    if (merged['description'] === undefined && part['description'] !== undefined) {
      merged['description'] = part['description'];
    }
  }
  merged['properties'] = properties;
  merged['required'] = [...required];
  return merged;
}

function at(context: SchemaContext, segment: string): SchemaContext {
  return { ...context, pointer: `${context.pointer}/${segment}` };
}

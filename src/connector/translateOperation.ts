/**
 * One contract operation as a connector action: parameters with labels and descriptions, the
 * JSON body as one `body` parameter, a single typed success response (the designer reads one
 * schema), error statuses with their description only, and a schema-less `default`.
 */
import type { JsonSchema } from '../../api/validation/openapiDocument.ts';
import { withDynamicList } from './dynamicList.ts';
import { fieldLabel } from './fieldLabel.ts';
import type {
  SwaggerOperation,
  SwaggerParameter,
  SwaggerResponse,
  SwaggerSchema,
} from './swaggerTypes.ts';
import { translateSchema, type SchemaContext } from './translateSchema.ts';

export interface OperationSource {
  path: string;
  method: string;
  operation: Record<string, unknown>;
  components: Record<string, Record<string, unknown>>;
  problems: string[];
}

export interface TranslatedOperation {
  operation: SwaggerOperation;
  /** Component schemas the operation's body and response refer to, inlined. */
  definitions: Record<string, SwaggerSchema>;
}

export const DEFAULT_RESPONSE_DESCRIPTION =
  'The operation failed; the problem document names the cause.';

/** Parameter keywords Swagger 2.0 takes from the schema of a query, path or header value. */
const SIMPLE_PARAMETER_KEYWORDS = [
  'type',
  'format',
  'items',
  'default',
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
  'enum',
  'multipleOf',
];

export function translateOperation(source: OperationSource): TranslatedOperation {
  const { operation } = source;
  const pointer = `#/paths/${source.path.replaceAll('/', '~1')}/${source.method}`;
  const definitions: Record<string, SwaggerSchema> = {};
  const schemas = (source.components['schemas'] ?? {}) as Record<string, JsonSchema>;
  const schemaContext = (at: string): SchemaContext => ({
    components: schemas,
    pointer: `${pointer}/${at}`,
    problems: source.problems,
  });

  const parameters = ((operation['parameters'] as JsonSchema[] | undefined) ?? []).map(
    (parameter, index) => translateParameter(parameter, schemaContext(`parameters/${index}`)),
  );

  const body = translateBody(operation, definitions, schemaContext('requestBody'));
  if (body) parameters.push(body);

  const translated: SwaggerOperation = {
    operationId: String(operation['operationId']),
    summary: String(operation['summary'] ?? ''),
    description: String(operation['description'] ?? ''),
    ...(Array.isArray(operation['tags']) ? { tags: operation['tags'] as string[] } : {}),
    ...(body ? { consumes: ['application/json'] } : {}),
    produces: ['application/json'],
    parameters,
    responses: translateResponses(source, definitions, schemaContext),
    ...extensionsOf(operation),
  };
  return { operation: translated, definitions };
}

function translateParameter(parameter: JsonSchema, context: SchemaContext): SwaggerParameter {
  if (typeof parameter['$ref'] === 'string') {
    context.problems.push(`${context.pointer}: parameter references are not supported; inline it`);
  }

  const name = String(parameter['name']);
  const place = parameter['in'] as SwaggerParameter['in'];
  const schema = translateSchema((parameter['schema'] as JsonSchema) ?? {}, context);
  if (schema['type'] === 'object') {
    context.problems.push(`${context.pointer}: a ${place} parameter cannot be an object`);
  }

  const translated: SwaggerParameter = {
    name,
    in: place,
    required: place === 'path' ? true : parameter['required'] === true,
    'x-ms-summary': fieldLabel(name),
  };
  const description = parameter['description'] ?? schema['description'];
  if (typeof description === 'string') translated.description = description;
  for (const keyword of SIMPLE_PARAMETER_KEYWORDS) {
    if (schema[keyword] !== undefined) translated[keyword] = schema[keyword];
  }
  if (place === 'path') translated['x-ms-url-encoding'] = 'single';
  Object.assign(translated, extensionsOf(schema), extensionsOf(parameter));
  return withDynamicList(translated);
}

function translateBody(
  operation: JsonSchema,
  definitions: Record<string, SwaggerSchema>,
  context: SchemaContext,
): SwaggerParameter | undefined {
  const requestBody = operation['requestBody'] as JsonSchema | undefined;
  if (!requestBody) return undefined;

  const content = (requestBody['content'] as Record<string, { schema?: JsonSchema }>) ?? {};
  const media = content['application/json'];
  if (!media?.schema) {
    context.problems.push(`${context.pointer}: only application/json bodies can be translated`);
    return undefined;
  }

  const schema = referToDefinition(media.schema, definitions, context);
  const described = resolvedDescription(media.schema, context) ?? requestBody['description'];
  return {
    name: 'body',
    in: 'body',
    required: requestBody['required'] === true,
    'x-ms-summary': 'Body',
    ...(typeof described === 'string' ? { description: described } : {}),
    schema,
  };
}

function translateResponses(
  source: OperationSource,
  definitions: Record<string, SwaggerSchema>,
  schemaContext: (at: string) => SchemaContext,
): Record<string, SwaggerResponse> {
  const shared = (source.components['responses'] ?? {}) as Record<string, JsonSchema>;
  const responses: Record<string, SwaggerResponse> = {};
  let typed = false;

  const entries = Object.entries((source.operation['responses'] as JsonSchema) ?? {});
  for (const [status, value] of entries.sort(([a], [b]) => a.localeCompare(b))) {
    const response = resolveResponse(value as JsonSchema, shared);
    const translated: SwaggerResponse = { description: String(response['description'] ?? '') };
    const content = (response['content'] as Record<string, { schema?: JsonSchema }>) ?? {};
    const schema = content['application/json']?.schema;

    // Only the first success schema is read by the designer; errors stay description-only.
    if (!typed && status.startsWith('2') && schema) {
      translated.schema = referToDefinition(
        schema,
        definitions,
        schemaContext(`responses/${status}`),
      );
      typed = true;
    }
    responses[status] = translated;
  }

  responses['default'] = { description: DEFAULT_RESPONSE_DESCRIPTION };
  return responses;
}

/** A named component stays named (as a definition), so the designer and readers see its name. */
function referToDefinition(
  schema: JsonSchema,
  definitions: Record<string, SwaggerSchema>,
  context: SchemaContext,
): SwaggerSchema {
  const ref = schema['$ref'];
  if (typeof ref !== 'string' || Object.keys(schema).length > 1) {
    return translateSchema(schema, context);
  }

  const name = ref.split('/').pop() ?? ref;
  definitions[name] = translateSchema(schema, context);
  return { $ref: `#/definitions/${name}` };
}

function resolvedDescription(schema: JsonSchema, context: SchemaContext): string | undefined {
  const ref = schema['$ref'];
  const target = typeof ref === 'string' ? context.components[ref.split('/').pop() ?? ''] : schema;
  const description = target?.['description'];
  return typeof description === 'string' ? description : undefined;
}

function resolveResponse(value: JsonSchema, shared: Record<string, JsonSchema>): JsonSchema {
  const ref = value['$ref'];
  if (typeof ref !== 'string') return value;
  return shared[ref.split('/').pop() ?? ''] ?? {};
}

function extensionsOf(source: JsonSchema): JsonSchema {
  return Object.fromEntries(Object.entries(source).filter(([key]) => key.startsWith('x-ms-')));
}

/**
 * The contract, `openapi/openapi.yaml`, read once. Request validation, response checks in the
 * tests and the connector generator all read this one document.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

export const OPENAPI_PATH = fileURLToPath(new URL('../../openapi/openapi.yaml', import.meta.url));

export interface OpenApiOperation {
  operationId: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  parameters: OpenApiParameter[];
  requestBodySchema?: JsonSchema;
  responses: Record<string, { schema?: JsonSchema; mediaType?: string }>;
  /** Alternatives, each naming schemes and their scopes; empty for an open operation. */
  security?: Array<Record<string, string[]>>;
}

export interface OpenApiParameter {
  name: string;
  in: 'query' | 'path' | 'header';
  required: boolean;
  schema: JsonSchema;
}

export type JsonSchema = Record<string, unknown>;

export interface OpenApiDocument {
  raw: Record<string, unknown>;
  basePath: string;
  componentSchemas: Record<string, JsonSchema>;
  operations: OpenApiOperation[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

let cached: OpenApiDocument | undefined;

export function loadOpenApiDocument(path = OPENAPI_PATH): OpenApiDocument {
  if (cached && path === OPENAPI_PATH) return cached;

  const raw = parseYaml(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const document = describeDocument(raw);
  if (path === OPENAPI_PATH) cached = document;
  return document;
}

function describeDocument(raw: Record<string, unknown>): OpenApiDocument {
  const servers = (raw['servers'] as Array<{ url: string }> | undefined) ?? [];
  const components =
    (raw['components'] as Record<string, Record<string, unknown>> | undefined) ?? {};
  const responses = components['responses'] ?? {};
  const paths = (raw['paths'] as Record<string, Record<string, unknown>> | undefined) ?? {};

  const operations: OpenApiOperation[] = [];
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const operation = item[method] as Record<string, unknown> | undefined;
      if (!operation) continue;
      operations.push(describeOperation(path, method, operation, responses));
    }
  }

  return {
    raw,
    basePath: servers[0]?.url ?? '',
    componentSchemas: (components['schemas'] as Record<string, JsonSchema> | undefined) ?? {},
    operations,
  };
}

function describeOperation(
  path: string,
  method: OpenApiOperation['method'],
  operation: Record<string, unknown>,
  sharedResponses: Record<string, unknown>,
): OpenApiOperation {
  const body = operation['requestBody'] as
    { content?: Record<string, { schema?: JsonSchema }> } | undefined;
  const responses: OpenApiOperation['responses'] = {};

  for (const [status, value] of Object.entries(
    (operation['responses'] as Record<string, unknown>) ?? {},
  )) {
    const response = resolveResponse(value, sharedResponses);
    const [mediaType, media] = Object.entries(response.content ?? {})[0] ?? [];
    responses[status] = { schema: media?.schema, mediaType };
  }

  return {
    operationId: String(operation['operationId']),
    method,
    path,
    parameters: ((operation['parameters'] as OpenApiParameter[] | undefined) ?? []).map(
      (parameter) => ({
        ...parameter,
        required: Boolean(parameter.required),
      }),
    ),
    requestBodySchema: body?.content?.['application/json']?.schema,
    responses,
    security: operation['security'] as OpenApiOperation['security'],
  };
}

function resolveResponse(
  value: unknown,
  shared: Record<string, unknown>,
): { content?: Record<string, { schema?: JsonSchema }> } {
  const ref = (value as { $ref?: string }).$ref;
  if (!ref) return value as { content?: Record<string, { schema?: JsonSchema }> };
  return shared[ref.split('/').pop() ?? ''] as {
    content?: Record<string, { schema?: JsonSchema }>;
  };
}

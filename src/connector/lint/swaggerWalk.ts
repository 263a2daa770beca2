/**
 * Walks a connector definition: every operation with its path and method, and every schema
 * (definitions, body and response schemas, nested properties and items) with its pointer.
 */
import type { SwaggerDocument, SwaggerOperation, SwaggerSchema } from '../swaggerTypes.ts';
import { SWAGGER_METHODS } from '../swaggerTypes.ts';
import { pointer } from '../../lint/lintFinding.ts';

export interface OperationEntry {
  path: string;
  method: string;
  operation: SwaggerOperation;
  at: string;
}

export interface SchemaEntry {
  schema: SwaggerSchema;
  at: string;
  /** The property name when the schema is a property of an object. */
  propertyName?: string;
}

export function operationsOf(document: SwaggerDocument): OperationEntry[] {
  const entries: OperationEntry[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of SWAGGER_METHODS) {
      const operation = item?.[method];
      if (operation) entries.push({ path, method, operation, at: pointer('paths', path, method) });
    }
  }
  return entries;
}

export function schemasOf(document: SwaggerDocument): SchemaEntry[] {
  const entries: SchemaEntry[] = [];
  for (const [name, schema] of Object.entries(document.definitions ?? {})) {
    collect(schema, pointer('definitions', name), entries);
  }
  for (const { operation, at } of operationsOf(document)) {
    (operation.parameters ?? []).forEach((parameter, index) => {
      if (parameter.schema) collect(parameter.schema, `${at}/parameters/${index}/schema`, entries);
    });
    for (const [status, response] of Object.entries(operation.responses ?? {})) {
      if (response.schema) collect(response.schema, `${at}/responses/${status}/schema`, entries);
    }
  }
  return entries;
}

function collect(
  schema: SwaggerSchema,
  at: string,
  entries: SchemaEntry[],
  propertyName?: string,
): void {
  if (typeof schema !== 'object' || schema === null) return;
  entries.push({ schema, at, ...(propertyName === undefined ? {} : { propertyName }) });

  const properties = schema['properties'] as Record<string, SwaggerSchema> | undefined;
  for (const [name, property] of Object.entries(properties ?? {})) {
    collect(property, `${at}/properties/${name}`, entries, name);
  }
  if (schema['items']) collect(schema['items'] as SwaggerSchema, `${at}/items`, entries);
  const additional = schema['additionalProperties'];
  if (typeof additional === 'object' && additional !== null) {
    collect(additional as SwaggerSchema, `${at}/additionalProperties`, entries);
  }
  for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
    const branches = schema[keyword];
    if (Array.isArray(branches)) {
      branches.forEach((branch, index) =>
        collect(branch as SwaggerSchema, `${at}/${keyword}/${index}`, entries),
      );
    }
  }
}

/** Follows `#/definitions/X` references; other schemas come back as they are. */
export function resolveSchema(document: SwaggerDocument, schema: SwaggerSchema): SwaggerSchema {
  const ref = schema['$ref'];
  if (typeof ref !== 'string' || !ref.startsWith('#/definitions/')) return schema;
  return document.definitions?.[ref.slice('#/definitions/'.length)] ?? {};
}

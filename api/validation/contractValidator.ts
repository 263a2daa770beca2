/**
 * Validators compiled by ajv from the contract: for each operation its query, path and body,
 * and for each response status its schema (the tests check every answer against them).
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import { parseSentinelIncidentArmId } from '../../src/model/sentinelIncidentArmId.ts';
import { componentId, toJsonSchema } from './toJsonSchema.ts';
import {
  loadOpenApiDocument,
  type JsonSchema,
  type OpenApiDocument,
  type OpenApiOperation,
} from './openapiDocument.ts';

export interface OperationValidators {
  operation: OpenApiOperation;
  query?: ValidateFunction;
  path?: ValidateFunction;
  /** Over the declared headers only, by lower-cased name. */
  headers?: ValidateFunction;
  headerNames: string[];
  body?: ValidateFunction;
  responses: Record<string, ValidateFunction>;
}

const addFormats = addFormatsPlugin as unknown as (ajv: Ajv) => Ajv;

export class ContractValidator {
  readonly document: OpenApiDocument;
  private readonly requestAjv: Ajv;
  private readonly responseAjv: Ajv;
  private readonly byOperationId = new Map<string, OperationValidators>();

  constructor(document: OpenApiDocument = loadOpenApiDocument()) {
    this.document = document;
    // Query strings arrive as text; only they are coerced. Bodies are taken as sent.
    this.requestAjv = createAjv(document, false);
    this.responseAjv = createAjv(document, false);
    const queryAjv = createAjv(document, true);

    for (const operation of document.operations) {
      this.byOperationId.set(operation.operationId, {
        operation,
        query: compileParameters(queryAjv, operation, 'query'),
        headers: compileParameters(queryAjv, operation, 'header'),
        path: compileParameters(queryAjv, operation, 'path'),
        headerNames: operation.parameters
          .filter((parameter) => parameter.in === 'header')
          .map((parameter) => parameter.name.toLowerCase()),
        body: operation.requestBodySchema
          ? this.requestAjv.compile(toJsonSchema(operation.requestBodySchema) as JsonSchema)
          : undefined,
        responses: Object.fromEntries(
          Object.entries(operation.responses)
            .filter(([, response]) => response.schema)
            .map(([status, response]) => [
              status,
              this.responseAjv.compile(toJsonSchema(response.schema) as JsonSchema),
            ]),
        ),
      });
    }
  }

  for(operationId: string): OperationValidators {
    const validators = this.byOperationId.get(operationId);
    if (!validators) throw new Error(`No operation ${operationId} in the contract`);
    return validators;
  }

  /** Validates a value against a named component schema, e.g. for one branch of an anyOf. */
  validateComponent(name: string, value: unknown): ErrorObject[] {
    const validate = this.requestAjv.getSchema(componentId(name));
    if (!validate) throw new Error(`No component schema ${name}`);
    return validate(value) ? [] : [...(validate.errors ?? [])];
  }
}

function createAjv(document: OpenApiDocument, coerce: boolean): Ajv {
  const ajv = addFormats(
    new Ajv({
      allErrors: true,
      verbose: true,
      strict: true,
      coerceTypes: coerce,
      useDefaults: coerce,
      allowUnionTypes: true,
    }),
  );
  ajv.addFormat(
    'sentinel-incident-arm-id',
    (value: string) => parseSentinelIncidentArmId(value) !== undefined,
  );
  for (const [name, schema] of Object.entries(document.componentSchemas)) {
    ajv.addSchema(toJsonSchema(schema) as JsonSchema, componentId(name));
  }
  return ajv;
}

/** Query parameters are closed (an unknown one is an error); headers are open, by lower-case name. */
function compileParameters(
  ajv: Ajv,
  operation: OpenApiOperation,
  location: 'query' | 'header' | 'path',
): ValidateFunction | undefined {
  const parameters = operation.parameters.filter((parameter) => parameter.in === location);
  if (parameters.length === 0) return undefined;

  const nameOf = (name: string) => (location === 'header' ? name.toLowerCase() : name);
  return ajv.compile({
    type: 'object',
    additionalProperties: location === 'header',
    required: parameters
      .filter((parameter) => parameter.required)
      .map((parameter) => nameOf(parameter.name)),
    properties: Object.fromEntries(
      parameters.map((parameter) => [nameOf(parameter.name), toJsonSchema(parameter.schema)]),
    ),
  });
}

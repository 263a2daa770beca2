/**
 * Rules on schemas: every property has a printable ASCII name, a title-case `x-ms-summary` and
 * a description; nothing from OpenAPI 3 is left (`anyOf`, `oneOf`, `not`, `nullable`,
 * `writeOnly`, `components` references...); references point only into `#/definitions`,
 * `#/parameters` or `#/responses` and never loop; `required` lists are never empty; formats
 * are Swagger's.
 */
import type { SwaggerDocument, SwaggerSchema } from '../swaggerTypes.ts';
import { SWAGGER_FORMATS } from '../translateSchema.ts';
import type { ConnectorRule } from './connectorRule.ts';
import { finding, warning, type LintFinding } from '../../lint/lintFinding.ts';
import { schemasOf } from './swaggerWalk.ts';

/** Keywords and document keys that exist only in OpenAPI 3. */
const OPENAPI3_SCHEMA_KEYWORDS = ['anyOf', 'oneOf', 'not', 'nullable', 'writeOnly', 'deprecated'];
const OPENAPI3_DOCUMENT_KEYS = [
  'openapi',
  'servers',
  'components',
  'webhooks',
  'jsonSchemaDialect',
];
const OPENAPI3_OPERATION_KEYS = ['requestBody', 'callbacks', 'servers'];
const ALLOWED_REF_PREFIXES = ['#/definitions/', '#/parameters/', '#/responses/'];

export const schemaRules: readonly ConnectorRule[] = [
  {
    id: 'PropertyLabels',
    check: (document) =>
      schemasOf(document).flatMap(({ schema, at, propertyName }) => {
        if (propertyName === undefined || schema['$ref'] !== undefined) return [];
        const found: LintFinding[] = [];
        if (!schema['x-ms-summary']) {
          found.push(
            finding('PropertySummaryRequired', at, `'${propertyName}' needs an 'x-ms-summary'`),
          );
        }
        if (!schema['description']) {
          found.push(
            finding(
              'PropertyDescriptionRequired',
              at,
              `'${propertyName}' needs a description (in openapi.yaml, on the property or its schema)`,
            ),
          );
        }
        return found;
      }),
  },
  {
    id: 'NoOpenApi3Constructs',
    check: (document) => [...openApi3DocumentKeys(document), ...openApi3SchemaKeywords(document)],
  },
  {
    id: 'ReferenceTargets',
    check: (document) =>
      allReferences(document).flatMap(({ ref, at }) => {
        if (!ALLOWED_REF_PREFIXES.some((prefix) => ref.startsWith(prefix))) {
          return [
            finding(
              'InvalidReference',
              at,
              `'${ref}' must point into #/definitions, #/parameters or #/responses`,
            ),
          ];
        }
        const [, section, name] = ref.split('/');
        const target = (document as unknown as Record<string, Record<string, unknown>>)[
          section ?? ''
        ]?.[name ?? ''];
        return target === undefined
          ? [finding('ReferenceNotFound', at, `'${ref}' does not exist`)]
          : [];
      }),
  },
  {
    id: 'CircularReference',
    check: (document) =>
      Object.keys(document.definitions ?? {}).flatMap((name) =>
        loopsFrom(document, name, [name])
          ? [
              finding(
                'CircularReference',
                `#/definitions/${name}`,
                `'${name}' refers back to itself`,
              ),
            ]
          : [],
      ),
  },
  {
    id: 'NonAsciiName',
    check: (document) =>
      schemasOf(document).flatMap(({ at, propertyName }) =>
        propertyName !== undefined && !/^[\x21-\x7e]+$/.test(propertyName)
          ? [finding('NonAsciiName', at, `'${propertyName}' must be a name of printable ASCII`)]
          : [],
      ),
  },
  {
    id: 'SummaryTitleCase',
    check: (document) =>
      schemasOf(document).flatMap(({ schema, at }) => {
        const label = schema['x-ms-summary'];
        return typeof label === 'string' && !isTitleCase(label)
          ? [
              warning(
                'SummaryTitleCase',
                `${at}/x-ms-summary`,
                `'${label}' should be in title case`,
              ),
            ]
          : [];
      }),
  },
  {
    id: 'RequiredArrayEmpty',
    check: (document) =>
      schemasOf(document).flatMap(({ schema, at }) =>
        Array.isArray(schema['required']) && schema['required'].length === 0
          ? [
              finding(
                'RequiredArrayEmpty',
                `${at}/required`,
                "an empty 'required' list is not allowed",
              ),
            ]
          : [],
      ),
  },
  {
    id: 'SchemaFormat',
    check: (document) =>
      schemasOf(document).flatMap(({ schema, at }) => {
        const format = schema['format'];
        return typeof format === 'string' && !SWAGGER_FORMATS.has(format)
          ? [finding('UnknownFormat', `${at}/format`, `'${format}' is not a Swagger 2.0 format`)]
          : [];
      }),
  },
];

function openApi3DocumentKeys(document: SwaggerDocument): LintFinding[] {
  const found: LintFinding[] = OPENAPI3_DOCUMENT_KEYS.filter((key) => key in document).map((key) =>
    finding(
      'NoOpenApi3Constructs',
      `#/${key}`,
      `'${key}' is OpenAPI 3; connectors read Swagger 2.0`,
    ),
  );
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(item ?? {})) {
      const at = `#/paths/${path.replaceAll('/', '~1')}/${method}`;
      for (const key of OPENAPI3_OPERATION_KEYS.filter((name) => name in (operation ?? {}))) {
        found.push(finding('NoOpenApi3Constructs', `${at}/${key}`, `'${key}' is OpenAPI 3`));
      }
      for (const [status, response] of Object.entries(operation?.responses ?? {})) {
        if ('content' in (response as object)) {
          found.push(
            finding(
              'NoOpenApi3Constructs',
              `${at}/responses/${status}/content`,
              "'content' is OpenAPI 3; use 'schema'",
            ),
          );
        }
      }
    }
  }
  return found;
}

function openApi3SchemaKeywords(document: SwaggerDocument): LintFinding[] {
  return schemasOf(document).flatMap(({ schema, at }) =>
    OPENAPI3_SCHEMA_KEYWORDS.filter((keyword) => keyword in schema).map((keyword) =>
      finding(
        'NoOpenApi3Constructs',
        `${at}/${keyword}`,
        `'${keyword}' is OpenAPI 3; connectors cannot read it`,
      ),
    ),
  );
}

function allReferences(document: SwaggerDocument): Array<{ ref: string; at: string }> {
  const found: Array<{ ref: string; at: string }> = [];
  const visit = (value: unknown, at: string): void => {
    if (Array.isArray(value)) return value.forEach((item, index) => visit(item, `${at}/${index}`));
    if (typeof value !== 'object' || value === null) return;
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$ref' && typeof inner === 'string') found.push({ ref: inner, at });
      else visit(inner, `${at}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`);
    }
  };
  visit(document, '#');
  return found;
}

function loopsFrom(document: SwaggerDocument, name: string, trail: string[]): boolean {
  const schema = document.definitions?.[name];
  if (!schema) return false;
  return referencedDefinitions(schema).some(
    (next) => trail.includes(next) || loopsFrom(document, next, [...trail, next]),
  );
}

function referencedDefinitions(schema: SwaggerSchema): string[] {
  const names: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (typeof value !== 'object' || value === null) return;
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$ref' && typeof inner === 'string' && inner.startsWith('#/definitions/')) {
        names.push(inner.slice('#/definitions/'.length));
      } else visit(inner);
    }
  };
  visit(schema);
  return names;
}

const MINOR_WORDS = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'by',
  'for',
  'in',
  'of',
  'on',
  'or',
  'the',
  'to',
]);

/** Every word starts with a capital (or a digit or bracket), small words after the first aside. */
function isTitleCase(label: string): boolean {
  return label
    .split(/\s+/)
    .every((word, index) => /^[^a-z]/.test(word) || (index > 0 && MINOR_WORDS.has(word)));
}

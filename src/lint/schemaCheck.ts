/**
 * Validates a document against one of the official schemas with ajv and turns each error
 * into a finding. Draft-04 schemas (Swagger, ARM, the workflow definition language) get the
 * draft-04 ajv; the apiProperties schema is draft-07. ARM's shared `expression` definition is
 * not stored, so it is stood in by its meaning: a string in square brackets.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import ajvDraft04 from 'ajv-draft-04';
import { finding, type LintFinding } from './lintFinding.ts';
import { amendSchema } from './schemaAmendments.ts';
import { readSharedSchema, type SharedSchemaName } from './sharedSchemas.ts';

const ARM_COMMON_DEFINITIONS = {
  id: 'https://schema.management.azure.com/schemas/common/definitions.json#',
  $schema: 'http://json-schema.org/draft-04/schema#',
  definitions: { expression: { type: 'string', pattern: '^\\[(?!\\[).*\\]$' } },
};

// The package is CommonJS with a default export; under NodeNext the class is its `.default`.
const AjvDraft04 = (ajvDraft04 as unknown as { default: typeof Ajv }).default;

const compiled = new Map<string, ValidateFunction>();

export function schemaValidator(name: SharedSchemaName, pointerInSchema = ''): ValidateFunction {
  const key = `${name}#${pointerInSchema}`;
  const cached = compiled.get(key);
  if (cached) return cached;

  const schema = amendSchema(name, readSharedSchema(name));
  const draft04 = String(schema['$schema'] ?? '').includes('draft-04');
  // Draft-07 names its id `$id`; the apiProperties schema still writes the draft-04 `id`.
  if (!draft04 && schema['id'] !== undefined) {
    schema['$id'] = schema['id'];
    delete schema['id'];
  }
  const ajv = draft04
    ? new AjvDraft04({ strict: false, allErrors: true, validateFormats: false })
    : new Ajv({ strict: false, allErrors: true, validateFormats: false });
  if (draft04) ajv.addSchema(ARM_COMMON_DEFINITIONS);

  const id = String(schema['id'] ?? schema['$id'] ?? name);
  ajv.addSchema(schema, id);
  const validate = ajv.getSchema(`${id.replace(/#$/, '')}#${pointerInSchema}`);
  if (!validate) throw new Error(`${name} has nothing at ${pointerInSchema}`);
  compiled.set(key, validate);
  return validate;
}

export function checkAgainstSchema(
  rule: string,
  name: SharedSchemaName,
  document: unknown,
  pointerInSchema = '',
): LintFinding[] {
  const validate = schemaValidator(name, pointerInSchema);
  if (validate(document)) return [];
  return condense(validate.errors ?? []).map((error) =>
    finding(rule, `#${error.instancePath}`, `${name}: ${describe(error)}`),
  );
}

/** ajv reports every failed branch of a oneOf; one line per place is enough to act on. */
function condense(errors: ErrorObject[]): ErrorObject[] {
  const byPlace = new Map<string, ErrorObject>();
  for (const error of errors) {
    const current = byPlace.get(error.instancePath);
    if (!current || error.keyword === 'additionalProperties')
      byPlace.set(error.instancePath, error);
  }
  return [...byPlace.values()];
}

function describe(error: ErrorObject): string {
  const extra = (error.params as { additionalProperty?: string }).additionalProperty;
  return extra ? `'${extra}' is not allowed here` : (error.message ?? error.keyword);
}

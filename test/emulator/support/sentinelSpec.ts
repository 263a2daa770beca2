/**
 * JSON Schema validation against the official Microsoft.SecurityInsights 2025-09-01 Swagger
 * (`../shared/specs`, present in CI beside the clone). The files keep their repository
 * `$ref`s, so each is registered under an id that puts it back at its repository path and
 * the refs resolve as written.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * `../shared/specs` beside the repository; a git worktree kept one folder deeper (as in
 * `wt/<branch>`) finds it beside the folder that holds the worktrees.
 */
export const SPECS_DIR = [
  resolve(REPO_ROOT, '../shared/specs'),
  resolve(REPO_ROOT, '../../shared/specs'),
].find((candidate) => existsSync(join(candidate, 'securityinsights-2025-09-01', 'Incidents.json')));
export const specsExist = SPECS_DIR !== undefined;

const VIRTUAL_ROOT = 'https://specs.invalid/specification';
const STABLE = 'securityinsights/resource-manager/Microsoft.SecurityInsights/stable/2025-09-01';
const SPEC_FILES: Record<string, string> = {
  'securityinsights-2025-09-01/Incidents.json': `${STABLE}/Incidents.json`,
  'securityinsights-2025-09-01/common/EntityTypes.json': `${STABLE}/common/EntityTypes.json`,
  'securityinsights-2025-09-01/common/IncidentTypes.json': `${STABLE}/common/IncidentTypes.json`,
  'securityinsights-2025-09-01/common/AlertTypes.json': `${STABLE}/common/AlertTypes.json`,
  'securityinsights-common/2.0/types.json':
    'securityinsights/resource-manager/common/2.0/types.json',
  'common-types/resource-management/v3/types.json':
    'common-types/resource-management/v3/types.json',
  'common-types/resource-management/v5/types.json':
    'common-types/resource-management/v5/types.json',
};

const INCIDENTS_ID = `${VIRTUAL_ROOT}/${STABLE}/Incidents.json`;
const ENTITY_TYPES_ID = `${VIRTUAL_ROOT}/${STABLE}/common/EntityTypes.json`;
const COMMON_TYPES_ID = `${VIRTUAL_ROOT}/securityinsights/resource-manager/common/2.0/types.json`;

export interface SentinelSpecValidator {
  /** Problems of `value` against a definition of Incidents.json; empty when it conforms. */
  check(definition: string, value: unknown): string[];
  /** Problems of an ARM error body against the shared `CloudError` definition. */
  checkCloudError(value: unknown): string[];
  /** Problems of one entity against the definition its `kind` selects (Swagger discriminator). */
  checkEntity(entity: unknown): string[];
}

export function loadSentinelSpec(): SentinelSpecValidator {
  if (!SPECS_DIR) throw new Error('The Sentinel specs are not available');

  const ajv = new Ajv({ strict: false, validateSchema: false, allErrors: true });
  addFormatsModule.default(ajv);
  // Swagger 2.0 formats that JSON Schema does not define.
  ajv.addFormat('arm-id', true);
  ajv.addFormat('int32', true);
  ajv.addFormat('double', true);

  const entityKinds = new Map<string, string>();
  for (const [saved, repositoryPath] of Object.entries(SPEC_FILES)) {
    const document = JSON.parse(readFileSync(join(SPECS_DIR, saved), 'utf8')) as {
      definitions?: Record<string, { 'x-ms-discriminator-value'?: string }>;
    };
    const id = `${VIRTUAL_ROOT}/${repositoryPath}`;
    ajv.addSchema({ ...document, $id: id });

    if (id === ENTITY_TYPES_ID) {
      for (const [name, definition] of Object.entries(document.definitions ?? {})) {
        const kind = definition['x-ms-discriminator-value'];
        if (kind) entityKinds.set(kind, name);
      }
    }
  }

  const validate = (schemaRef: string, value: unknown): string[] => {
    const validator = ajv.getSchema(schemaRef);
    if (!validator) throw new Error(`No schema at ${schemaRef}`);
    if (validator(withoutNulls(value))) return [];
    return (validator.errors ?? []).map(
      (error) => `${error.instancePath || '/'} ${error.message ?? ''}`,
    );
  };

  return {
    check: (definition, value) => validate(`${INCIDENTS_ID}#/definitions/${definition}`, value),
    checkCloudError: (value) => validate(`${COMMON_TYPES_ID}#/definitions/CloudError`, value),
    checkEntity: (entity) => {
      const kind = (entity as { kind?: unknown }).kind;
      const definition = typeof kind === 'string' ? entityKinds.get(kind) : undefined;
      if (!definition) return [`unknown entity kind '${String(kind)}'`];
      return validate(`${ENTITY_TYPES_ID}#/definitions/${definition}`, entity);
    },
  };
}

/**
 * ARM serialises unset values as `null` (an unassigned owner has four null fields) while the
 * Swagger marks nothing `x-nullable`; autorest clients read null as absent, so the check does.
 */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, item]) => item !== null)
      .map(([key, item]) => [key, withoutNulls(item)]),
  );
}

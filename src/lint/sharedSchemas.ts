/**
 * The official JSON Schemas kept beside the repository in `../shared/schemas` (CI always has
 * them; a developer may point `INCIDENT_BRIDGE_SHARED_DIR` at another copy). Checks that need
 * them run only when they are there; the project's own rules run everywhere.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';

export const SHARED_DIR =
  process.env['INCIDENT_BRIDGE_SHARED_DIR'] ??
  fileURLToPath(new URL('../../../shared/', import.meta.url));

export type SharedSchemaName =
  | 'ppc-apiDefinition.swagger.schema.json'
  | 'ppc-paconn-apiProperties.schema.json'
  | 'workflowdefinition-2016-06-01.json'
  | 'arm-2016-06-01-Microsoft.Web.json'
  | 'arm-2017-07-01-Microsoft.Logic.json'
  | 'arm-2016-06-01-Microsoft.Logic.json'
  | 'arm-2025-09-01-Microsoft.SecurityInsights.json';

export function sharedSchemaPath(name: SharedSchemaName): string {
  return join(SHARED_DIR, 'schemas', name);
}

export function sharedSchemaExists(name: SharedSchemaName): boolean {
  return existsSync(sharedSchemaPath(name));
}

/** Several of the files are JSONC (comments inside): parsed as such, errors refused. */
export function readSharedSchema(name: SharedSchemaName): Record<string, unknown> {
  const errors: ParseError[] = [];
  const schema = parseJsonc(readFileSync(sharedSchemaPath(name), 'utf8'), errors, {
    allowTrailingComma: true,
  }) as Record<string, unknown>;
  if (errors.length > 0) throw new Error(`${name} is not valid JSON with comments`);
  return schema;
}

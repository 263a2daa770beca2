/**
 * `connector lint`: checks the generated connector folders with every certification rule,
 * the Swagger 2.0 parser and (when ../shared is there) the Power Platform schemas. Prints one
 * line per finding and sets a failing exit code when any is an error.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { connectorFolder } from '../connector/connectorFiles.ts';
import { CONNECTOR_AUTH_MODES } from '../connector/connectorSettings.ts';
import { lintConnector } from '../connector/lint/lintConnector.ts';
import { formatFinding, type LintFinding } from '../lint/lintFinding.ts';

export async function connectorLintCommand(): Promise<void> {
  let errors = 0;
  for (const auth of CONNECTOR_AUTH_MODES) {
    const folder = connectorFolder(auth);
    const definitionPath = join(folder, 'apiDefinition.swagger.json');
    const propertiesPath = join(folder, 'apiProperties.json');
    const result = await lintConnector(readJson(definitionPath), readJson(propertiesPath));

    errors +=
      report(definitionPath, result.apiDefinition) + report(propertiesPath, result.apiProperties);
    const schemas = result.schemasApplied.length > 0 ? result.schemasApplied.join(', ') : 'none';
    console.log(
      `${relative(process.cwd(), folder) || '.'}: checked (official schemas: ${schemas})`,
    );
  }
  if (errors > 0) {
    console.error(`${errors} connector lint error(s)`);
    process.exitCode = 1;
  }
}

function report(file: string, findings: LintFinding[]): number {
  for (const item of findings) console.log(formatFinding(relative(process.cwd(), file), item));
  return findings.filter((item) => item.severity === 'error').length;
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

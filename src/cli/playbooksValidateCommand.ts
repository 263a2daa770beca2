/**
 * `playbooks validate`: checks every `playbooks/<Name>/azuredeploy.json` offline against the
 * generated connector Swagger and the official schemas; with `--azure`, also asks Logic Apps
 * to validate each workflow in a resource group.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { connectorFolder } from '../connector/connectorFiles.ts';
import type { SwaggerDocument } from '../connector/swaggerTypes.ts';
import { formatFinding } from '../lint/lintFinding.ts';
import { readPlaybookFolders } from '../playbooks/validate/playbookFolders.ts';
import { validatePlaybook } from '../playbooks/validate/validatePlaybook.ts';

export function validatePlaybooksOffline(): number {
  const swagger = JSON.parse(
    readFileSync(join(connectorFolder('apiKey'), 'apiDefinition.swagger.json'), 'utf8'),
  ) as SwaggerDocument;

  let errors = 0;
  for (const folder of readPlaybookFolders()) {
    const { findings, schemasApplied } = validatePlaybook(folder.template, swagger);
    const file = relative(process.cwd(), folder.templatePath);
    for (const item of findings) console.log(formatFinding(file, item));
    errors += findings.filter((item) => item.severity === 'error').length;
    const schemas = schemasApplied.length > 0 ? schemasApplied.join(', ') : 'none';
    console.log(`${file}: checked (official schemas: ${schemas})`);
  }
  return errors;
}

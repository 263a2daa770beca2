/**
 * `playbooks validate`: checks every `playbooks/<Name>/azuredeploy.json` offline against the
 * generated connector Swagger and the official schemas, and the deploy templates beside
 * them. `playbooks validate --azure` adds Logic Apps' own validation (playbooksAzureCommands).
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { connectorFolder } from '../connector/connectorFiles.ts';
import type { SwaggerDocument } from '../connector/swaggerTypes.ts';
import { DEPLOY_ROOT, DEPLOY_STEPS } from '../deploy/deployFiles.ts';
import { validateDeployTemplate } from '../deploy/validateDeployTemplate.ts';
import { formatFinding, type LintFinding } from '../lint/lintFinding.ts';
import { readPlaybookFolders } from '../playbooks/validate/playbookFolders.ts';
import { validatePlaybook } from '../playbooks/validate/validatePlaybook.ts';

export function validatePlaybooksOffline(): number {
  const swagger = JSON.parse(
    readFileSync(join(connectorFolder('apiKey'), 'apiDefinition.swagger.json'), 'utf8'),
  ) as SwaggerDocument;

  let errors = 0;
  for (const folder of readPlaybookFolders()) {
    errors += report(folder.templatePath, validatePlaybook(folder.template, swagger));
  }
  for (const step of DEPLOY_STEPS) {
    const path = join(DEPLOY_ROOT, step, 'azuredeploy.json');
    const template = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    errors += report(path, validateDeployTemplate(template));
  }
  return errors;
}

function report(
  path: string,
  result: { findings: LintFinding[]; schemasApplied: string[] },
): number {
  const file = relative(process.cwd(), path);
  for (const item of result.findings) console.log(formatFinding(file, item));
  const schemas =
    result.schemasApplied.length > 0 ? [...new Set(result.schemasApplied)].join(', ') : 'none';
  console.log(`${file}: checked (official schemas: ${schemas})`);
  return result.findings.filter((item) => item.severity === 'error').length;
}

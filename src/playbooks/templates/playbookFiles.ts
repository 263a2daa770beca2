/** The playbook folders on disk: `azuredeploy.json` and `README.md`, written by generate. */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toJsonFile, type GeneratedFile } from '../../artifacts/generatedFile.ts';
import { PLAYBOOKS } from './playbookCatalog.ts';
import type { SwaggerDocument } from '../../connector/swaggerTypes.ts';
import { playbookIndex } from './playbookIndex.ts';
import { playbookReadme } from './playbookReadme.ts';
import { buildPlaybookTemplate } from './playbookTemplate.ts';

export const PLAYBOOKS_ROOT = fileURLToPath(new URL('../../../playbooks/', import.meta.url));

export function playbookTemplatePath(name: string): string {
  return join(PLAYBOOKS_ROOT, name, 'azuredeploy.json');
}

export function renderPlaybookFiles(swagger: SwaggerDocument): GeneratedFile[] {
  const index = { path: join(PLAYBOOKS_ROOT, 'README.md'), content: playbookIndex(swagger) };
  const folders = PLAYBOOKS.flatMap((spec) => {
    const template = buildPlaybookTemplate(spec);
    return [
      { path: playbookTemplatePath(spec.name), content: toJsonFile(template) },
      {
        path: join(PLAYBOOKS_ROOT, spec.name, 'README.md'),
        content: playbookReadme(spec, template),
      },
    ];
  });
  return [index, ...folders];
}

/** The playbook templates on disk: `playbooks/<Name>/azuredeploy.json`, written by generate. */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toJsonFile, type GeneratedFile } from '../../artifacts/generatedFile.ts';
import { PLAYBOOKS } from './playbookCatalog.ts';
import { buildPlaybookTemplate } from './playbookTemplate.ts';

export const PLAYBOOKS_ROOT = fileURLToPath(new URL('../../../playbooks/', import.meta.url));

export function playbookTemplatePath(name: string): string {
  return join(PLAYBOOKS_ROOT, name, 'azuredeploy.json');
}

export function renderPlaybookFiles(): GeneratedFile[] {
  return PLAYBOOKS.map((spec) => ({
    path: playbookTemplatePath(spec.name),
    content: toJsonFile(buildPlaybookTemplate(spec)),
  }));
}

/** The playbook folders under `playbooks/`: each holds an `azuredeploy.json`. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PLAYBOOKS_ROOT } from '../templates/playbookFiles.ts';
import type { Json } from './workflowWalk.ts';

export interface PlaybookFolder {
  name: string;
  templatePath: string;
  template: Json;
}

export function readPlaybookFolders(root = PLAYBOOKS_ROOT): PlaybookFolder[] {
  return readdirSync(root, { withFileTypes: true })
    .filter(
      (entry) => entry.isDirectory() && existsSync(join(root, entry.name, 'azuredeploy.json')),
    )
    .map((entry) => {
      const templatePath = join(root, entry.name, 'azuredeploy.json');
      return {
        name: entry.name,
        templatePath,
        template: JSON.parse(readFileSync(templatePath, 'utf8')) as Json,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

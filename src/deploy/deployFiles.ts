/** The deploy templates on disk, written by `npm run generate` beside the hand-written guide. */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenApiDocument } from '../../api/validation/openapiDocument.ts';
import { toJsonFile, type GeneratedFile } from '../artifacts/generatedFile.ts';
import { buildApiHostingTemplate } from './apiHostingTemplate.ts';
import { buildApiScaleOutTemplate } from './apiScaleOutTemplate.ts';
import { buildAutomationRulesTemplate } from './automationRulesTemplate.ts';
import { buildCustomConnectorTemplate } from './customConnectorTemplate.ts';
import { buildRoleAssignmentsTemplate } from './roleAssignmentsTemplate.ts';

export const DEPLOY_ROOT = fileURLToPath(new URL('../../deploy/', import.meta.url));

export const DEPLOY_STEPS = [
  'custom-connector',
  'api',
  'api-scale-out',
  'role-assignments',
  'automation-rules',
] as const;

export function renderDeployFiles(contract: OpenApiDocument): GeneratedFile[] {
  const templates = {
    'custom-connector': buildCustomConnectorTemplate(contract),
    api: buildApiHostingTemplate(),
    'api-scale-out': buildApiScaleOutTemplate(),
    'role-assignments': buildRoleAssignmentsTemplate(),
    'automation-rules': buildAutomationRulesTemplate(),
  };
  return DEPLOY_STEPS.map((step) => ({
    path: join(DEPLOY_ROOT, step, 'azuredeploy.json'),
    content: toJsonFile(templates[step]),
  }));
}

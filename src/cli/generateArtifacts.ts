/**
 * Everything `npm run generate` derives from the contract and the template code: the
 * TypeScript types, the connector folders, the playbook folders and the deploy templates.
 * Nobody edits these by hand; CI fails when they are stale.
 */
import { loadOpenApiDocument } from '../../api/validation/openapiDocument.ts';
import { writeGeneratedFiles } from '../artifacts/generatedFile.ts';
import { buildApiDefinition } from '../connector/buildApiDefinition.ts';
import { renderConnectorFiles } from '../connector/connectorFiles.ts';
import { renderDeployFiles } from '../deploy/deployFiles.ts';
import { renderPlaybookFiles } from '../playbooks/templates/playbookFiles.ts';
import { generateContractTypes } from './generateContractTypes.ts';

export async function generateArtifacts(): Promise<string[]> {
  const contract = loadOpenApiDocument();
  const types = await generateContractTypes();
  const files = [
    ...renderConnectorFiles(contract),
    ...renderPlaybookFiles(buildApiDefinition(contract, { auth: 'apiKey' })),
    ...renderDeployFiles(contract),
  ];
  return [types, ...writeGeneratedFiles(files)];
}

/**
 * Everything `npm run generate` derives from the contract: the TypeScript types, the
 * connector folders and the playbook templates. Nobody edits these by hand; CI fails when they are stale.
 */
import { loadOpenApiDocument } from '../../api/validation/openapiDocument.ts';
import { writeGeneratedFiles } from '../artifacts/generatedFile.ts';
import { renderConnectorFiles } from '../connector/connectorFiles.ts';
import { renderPlaybookFiles } from '../playbooks/templates/playbookFiles.ts';
import { generateContractTypes } from './generateContractTypes.ts';

export async function generateArtifacts(): Promise<string[]> {
  const contract = loadOpenApiDocument();
  const types = await generateContractTypes();
  const files = [...renderConnectorFiles(contract), ...renderPlaybookFiles()];
  return [types, ...writeGeneratedFiles(files)];
}

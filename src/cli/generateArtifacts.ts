/**
 * Everything `npm run generate` derives from the contract: the TypeScript types and the
 * connector folders. Nobody edits these by hand; CI fails when they are stale.
 */
import { loadOpenApiDocument } from '../../api/validation/openapiDocument.ts';
import { writeConnectorFiles } from '../connector/connectorFiles.ts';
import { generateContractTypes } from './generateContractTypes.ts';

export async function generateArtifacts(): Promise<string[]> {
  const contract = loadOpenApiDocument();
  const types = await generateContractTypes();
  return [types, ...writeConnectorFiles(contract)];
}

/**
 * The connector folders `npm run generate` writes: `openapi/connector/` for API key
 * connections and `openapi/connector/entra-id/` for Entra ID sign-in, each with the two
 * files `paconn` and the portal import take.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenApiDocument } from '../../api/validation/openapiDocument.ts';
import { toJsonFile, type GeneratedFile } from '../artifacts/generatedFile.ts';
import { buildApiDefinition } from './buildApiDefinition.ts';
import { buildApiProperties } from './buildApiProperties.ts';
import { CONNECTOR_AUTH_MODES, type ConnectorAuthMode } from './connectorSettings.ts';

export const CONNECTOR_ROOT = fileURLToPath(new URL('../../openapi/connector/', import.meta.url));

const FOLDER: Readonly<Record<ConnectorAuthMode, string>> = { apiKey: '', entraId: 'entra-id' };

export function connectorFolder(auth: ConnectorAuthMode): string {
  return join(CONNECTOR_ROOT, FOLDER[auth]);
}

/** The files as they should be on disk, so a test can compare without writing. */
export function renderConnectorFiles(contract: OpenApiDocument): GeneratedFile[] {
  return CONNECTOR_AUTH_MODES.flatMap((auth) => [
    {
      path: join(connectorFolder(auth), 'apiDefinition.swagger.json'),
      content: toJsonFile(buildApiDefinition(contract, { auth })),
    },
    {
      path: join(connectorFolder(auth), 'apiProperties.json'),
      content: toJsonFile(buildApiProperties(auth)),
    },
  ]);
}

/**
 * The connector folders `npm run generate` writes: `openapi/connector/` for API key
 * connections and `openapi/connector/entra-id/` for Entra ID sign-in, each with the two
 * files `paconn` and the portal import take.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenApiDocument } from '../../api/validation/openapiDocument.ts';
import { buildApiDefinition } from './buildApiDefinition.ts';
import { buildApiProperties } from './buildApiProperties.ts';
import { CONNECTOR_AUTH_MODES, type ConnectorAuthMode } from './connectorSettings.ts';

export const CONNECTOR_ROOT = fileURLToPath(new URL('../../openapi/connector/', import.meta.url));

const FOLDER: Readonly<Record<ConnectorAuthMode, string>> = { apiKey: '', entraId: 'entra-id' };

export interface ConnectorFile {
  path: string;
  content: string;
}

export function connectorFolder(auth: ConnectorAuthMode): string {
  return join(CONNECTOR_ROOT, FOLDER[auth]);
}

/** The files as they should be on disk, so a test can compare without writing. */
export function renderConnectorFiles(contract: OpenApiDocument): ConnectorFile[] {
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

export function writeConnectorFiles(contract: OpenApiDocument): string[] {
  return writeFiles(renderConnectorFiles(contract));
}

export function writeFiles(files: readonly ConnectorFile[]): string[] {
  for (const file of files) {
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileSync(file.path, file.content);
  }
  return files.map((file) => file.path);
}

export function toJsonFile(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

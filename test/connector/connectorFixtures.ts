/** The generated connector files, read fresh for each test so a test may break its own copy. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { connectorFolder } from '../../src/connector/connectorFiles.ts';
import type { ConnectorAuthMode } from '../../src/connector/connectorSettings.ts';
import type { SwaggerDocument } from '../../src/connector/swaggerTypes.ts';
import type { ApiProperties } from '../../src/connector/buildApiProperties.ts';

export function generatedApiDefinition(auth: ConnectorAuthMode = 'apiKey'): SwaggerDocument {
  return readJson(join(connectorFolder(auth), 'apiDefinition.swagger.json')) as SwaggerDocument;
}

export function generatedApiProperties(auth: ConnectorAuthMode = 'apiKey'): ApiProperties {
  return readJson(join(connectorFolder(auth), 'apiProperties.json')) as ApiProperties;
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

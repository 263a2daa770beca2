/**
 * The connector definition (`apiDefinition.swagger.json`, Swagger 2.0) built from the
 * contract: every operation of `openapi/openapi.yaml` becomes an action, mechanically, so a new
 * operation needs no edit here. Human choices the translation cannot make (visibility,
 * labels, dropdowns, connector metadata) are `x-ms-*` extensions in the contract itself.
 */
import type { OpenApiDocument } from '../../api/validation/openapiDocument.ts';
import { ConnectorGenerationError } from './connectorGenerationError.ts';
import {
  CONNECTOR_HOST_PLACEHOLDER,
  SECURITY_SCHEME_NAME,
  securityDefinitionFor,
  type ConnectorAuthMode,
} from './connectorSettings.ts';
import { SWAGGER_METHODS, type SwaggerDocument, type SwaggerPathItem } from './swaggerTypes.ts';
import { translateOperation } from './translateOperation.ts';

export interface ApiDefinitionOptions {
  auth: ConnectorAuthMode;
  host?: string;
}

export function buildApiDefinition(
  contract: OpenApiDocument,
  options: ApiDefinitionOptions,
): SwaggerDocument {
  const raw = contract.raw;
  const info = (raw['info'] ?? {}) as Record<string, unknown>;
  const components = (raw['components'] ?? {}) as Record<string, Record<string, unknown>>;
  const problems: string[] = [];

  const paths: Record<string, SwaggerPathItem> = {};
  const definitions: SwaggerDocument['definitions'] = {};
  const contractPaths = (raw['paths'] ?? {}) as Record<string, Record<string, unknown>>;
  for (const [path, item] of Object.entries(contractPaths)) {
    for (const method of SWAGGER_METHODS) {
      const operation = item[method] as Record<string, unknown> | undefined;
      if (!operation) continue;

      const translated = translateOperation({ path, method, operation, components, problems });
      paths[path] = { ...paths[path], [method]: translated.operation };
      Object.assign(definitions, translated.definitions);
    }
  }

  if (!contract.basePath.startsWith('/')) {
    problems.push(`#/servers/0/url: '${contract.basePath}' must be a path such as /api/v1`);
  }
  if (problems.length > 0) throw new ConnectorGenerationError(problems);

  const scheme = SECURITY_SCHEME_NAME[options.auth];
  return {
    swagger: '2.0',
    info: {
      title: String(info['title'] ?? ''),
      description: String(info['description'] ?? '').trim(),
      version: String(info['version'] ?? ''),
      ...(info['contact']
        ? { contact: info['contact'] as SwaggerDocument['info']['contact'] }
        : {}),
      ...(info['license']
        ? { license: info['license'] as SwaggerDocument['info']['license'] }
        : {}),
    },
    host: options.host ?? CONNECTOR_HOST_PLACEHOLDER,
    basePath: contract.basePath,
    schemes: ['https'],
    consumes: ['application/json'],
    produces: ['application/json'],
    paths,
    definitions: sortedByName(definitions),
    securityDefinitions: { [scheme]: securityDefinitionFor(options.auth) },
    security: [{ [scheme]: [] }],
    ...(Array.isArray(raw['tags']) ? { tags: raw['tags'] as SwaggerDocument['tags'] } : {}),
    'x-ms-connector-metadata':
      (raw['x-ms-connector-metadata'] as SwaggerDocument['x-ms-connector-metadata']) ?? [],
  };
}

function sortedByName<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * The connector lint: the certification rules, a Swagger 2.0 parse and validation
 * (@apidevtools/swagger-parser), and, when `../shared/schemas` is there, the Power Platform
 * JSON Schemas for both files. Every finding names the file, the place and the rule.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import { checkAgainstSchema } from '../../lint/schemaCheck.ts';
import { finding, type LintFinding } from '../../lint/lintFinding.ts';
import { sharedSchemaExists } from '../../lint/sharedSchemas.ts';
import type { SwaggerDocument } from '../swaggerTypes.ts';
import { lintApiProperties } from './apiPropertiesRules.ts';
import type { ConnectorRule } from './connectorRule.ts';
import { dynamicValueRules } from './dynamicValueRules.ts';
import { infoRules } from './infoRules.ts';
import { operationRules } from './operationRules.ts';
import { parameterRules } from './parameterRules.ts';
import { responseRules } from './responseRules.ts';
import { schemaRules } from './schemaRules.ts';
import { securityRules } from './securityRules.ts';
import { structureRules } from './structureRules.ts';

export const CONNECTOR_RULES: readonly ConnectorRule[] = [
  ...infoRules,
  ...structureRules,
  ...securityRules,
  ...operationRules,
  ...parameterRules,
  ...schemaRules,
  ...responseRules,
  ...dynamicValueRules,
];

const SWAGGER_SCHEMA = 'ppc-apiDefinition.swagger.schema.json';
const PROPERTIES_SCHEMA = 'ppc-paconn-apiProperties.schema.json';

export interface ConnectorLintResult {
  apiDefinition: LintFinding[];
  apiProperties: LintFinding[];
  /** Which official schemas were applied; empty when ../shared is absent. */
  schemasApplied: string[];
}

export async function lintConnector(
  apiDefinition: unknown,
  apiProperties: unknown,
): Promise<ConnectorLintResult> {
  const document = apiDefinition as SwaggerDocument;
  const definitionFindings = CONNECTOR_RULES.flatMap((rule) => rule.check(document));
  definitionFindings.push(...(await parseSwagger(apiDefinition)));
  const propertiesFindings = lintApiProperties(apiProperties);

  const schemasApplied: string[] = [];
  if (sharedSchemaExists(SWAGGER_SCHEMA)) {
    definitionFindings.push(
      ...checkAgainstSchema('PowerPlatformSchema', SWAGGER_SCHEMA, apiDefinition),
    );
    schemasApplied.push(SWAGGER_SCHEMA);
  }
  if (sharedSchemaExists(PROPERTIES_SCHEMA)) {
    propertiesFindings.push(
      ...checkAgainstSchema('PowerPlatformSchema', PROPERTIES_SCHEMA, apiProperties),
    );
    schemasApplied.push(PROPERTIES_SCHEMA);
  }
  return { apiDefinition: definitionFindings, apiProperties: propertiesFindings, schemasApplied };
}

/** The parser mutates what it validates (it dereferences), so it gets a copy. */
async function parseSwagger(apiDefinition: unknown): Promise<LintFinding[]> {
  try {
    await SwaggerParser.validate(structuredClone(apiDefinition) as never);
    return [];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return message
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0 && !/^Swagger schema validation failed\.?$/.test(line))
      .map((line) => finding('SwaggerParser', '#', line));
  }
}

/**
 * Checks ARM resources against the official resource schemas in ../shared/schemas, when they
 * are there: workflows, connections, custom APIs and Sentinel automation rules. A resource
 * type or apiVersion without a stored schema is left to the project's own rules.
 */
import { checkAgainstSchema } from './schemaCheck.ts';
import type { LintFinding } from './lintFinding.ts';
import { sharedSchemaExists, type SharedSchemaName } from './sharedSchemas.ts';

interface ResourceSchema {
  file: SharedSchemaName;
  pointer: string;
  /** Automation rules are stored as definitions only: their properties are checked. */
  propertiesOnly?: boolean;
}

const RESOURCE_SCHEMAS: Readonly<Record<string, ResourceSchema>> = {
  'Microsoft.Logic/workflows@2017-07-01': {
    file: 'arm-2017-07-01-Microsoft.Logic.json',
    pointer: '/resourceDefinitions/workflows',
  },
  'Microsoft.Logic/workflows@2016-06-01': {
    file: 'arm-2016-06-01-Microsoft.Logic.json',
    pointer: '/resourceDefinitions/workflows',
  },
  'Microsoft.Web/connections@2016-06-01': {
    file: 'arm-2016-06-01-Microsoft.Web.json',
    pointer: '/resourceDefinitions/connections',
  },
  'Microsoft.Web/customApis@2016-06-01': {
    file: 'arm-2016-06-01-Microsoft.Web.json',
    pointer: '/resourceDefinitions/customApis',
  },
  'Microsoft.SecurityInsights/automationRules@2025-09-01': {
    file: 'arm-2025-09-01-Microsoft.SecurityInsights.json',
    pointer: '/definitions/AutomationRuleProperties',
    propertiesOnly: true,
  },
};

export interface ArmSchemaResult {
  findings: LintFinding[];
  /** `type@apiVersion` of every resource checked against an official schema. */
  checked: string[];
}

export function armSchemaFindings(template: unknown): ArmSchemaResult {
  const resources = ((template as Record<string, unknown> | null)?.['resources'] ?? []) as Array<
    Record<string, unknown>
  >;
  const result: ArmSchemaResult = { findings: [], checked: [] };

  resources.forEach((resource, index) => {
    const key = `${String(resource['type'])}@${String(resource['apiVersion'])}`;
    const schema = RESOURCE_SCHEMAS[key];
    if (!schema || !sharedSchemaExists(schema.file)) return;

    const subject = schema.propertiesOnly ? resource['properties'] : resource;
    const prefix = schema.propertiesOnly ? `/resources/${index}/properties` : `/resources/${index}`;
    const findings = checkAgainstSchema('ArmResourceSchema', schema.file, subject, schema.pointer);
    result.findings.push(
      ...findings.map((item) => ({ ...item, at: `#${prefix}${item.at.slice(1)}` })),
    );
    result.checked.push(key);
  });
  return result;
}

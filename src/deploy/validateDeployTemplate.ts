/**
 * Offline checks of a deploy template: an ARM deployment template with described parameters,
 * no literal locations, no hard-coded ids or secrets, and each resource against its official
 * schema when ../shared has one.
 */
import { armSchemaFindings } from '../lint/armSchemaChecks.ts';
import { hardcodedValueFindings } from '../lint/hardcodedValueRules.ts';
import { finding, type LintFinding } from '../lint/lintFinding.ts';

type Json = Record<string, unknown>;

export interface DeployValidation {
  findings: LintFinding[];
  schemasApplied: string[];
}

export function validateDeployTemplate(template: Json): DeployValidation {
  const findings: LintFinding[] = [];
  if (!String(template['$schema'] ?? '').includes('/deploymentTemplate.json')) {
    findings.push(
      finding('TemplateSchema', '#/$schema', 'must be an ARM deploymentTemplate schema'),
    );
  }

  const parameters = (template['parameters'] ?? {}) as Record<string, Json>;
  for (const [name, parameter] of Object.entries(parameters)) {
    if (typeof (parameter['metadata'] as Json | undefined)?.['description'] !== 'string') {
      findings.push(
        finding('ParameterDescription', `#/parameters/${name}`, 'needs metadata.description'),
      );
    }
  }

  const resources = (template['resources'] ?? []) as Json[];
  resources.forEach((resource, index) => {
    const location = resource['location'];
    if (typeof location === 'string' && !location.startsWith('[')) {
      findings.push(
        finding(
          'HardcodedLocation',
          `#/resources/${index}/location`,
          'use [resourceGroup().location]',
        ),
      );
    }
  });

  findings.push(...hardcodedValueFindings(template));
  const arm = armSchemaFindings(template);
  findings.push(...arm.findings);
  return { findings, schemasApplied: arm.checked };
}

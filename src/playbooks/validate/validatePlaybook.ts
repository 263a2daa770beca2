/**
 * The playbook validator: the ARM shape and content metadata, the workflow definition against
 * the official Workflow Definition Language schema (when ../shared is there), every
 * expression reference, every call to incident-bridge against the generated Swagger, and no
 * hard-coded id, location or secret.
 */
import type { SwaggerDocument } from '../../connector/swaggerTypes.ts';
import { armSchemaFindings } from '../../lint/armSchemaChecks.ts';
import { hardcodedValueFindings } from '../../lint/hardcodedValueRules.ts';
import type { LintFinding } from '../../lint/lintFinding.ts';
import { checkAgainstSchema } from '../../lint/schemaCheck.ts';
import { sharedSchemaExists } from '../../lint/sharedSchemas.ts';
import { connectorCallFindings } from './connectorCallRules.ts';
import { playbookParts } from './playbookTemplateParts.ts';
import { templateShapeFindings } from './templateShapeRules.ts';
import { workflowReferenceFindings } from './workflowReferenceRules.ts';
import type { Json } from './workflowWalk.ts';
import { withParameterDefaults } from './withParameterDefaults.ts';

const WDL_SCHEMA = 'workflowdefinition-2016-06-01.json';

export interface PlaybookValidation {
  findings: LintFinding[];
  /** Official schemas applied, e.g. the WDL schema and `Microsoft.Logic/workflows@2017-07-01`. */
  schemasApplied: string[];
}

export function validatePlaybook(template: Json, swagger: SwaggerDocument): PlaybookValidation {
  const parts = playbookParts(template);
  const findings = [
    ...templateShapeFindings(template),
    ...workflowReferenceFindings(parts),
    ...connectorCallFindings(parts, swagger),
    ...hardcodedValueFindings(template),
  ];

  const arm = armSchemaFindings(template);
  findings.push(...arm.findings);
  const schemasApplied = [...arm.checked];

  if (parts.definition && sharedSchemaExists(WDL_SCHEMA)) {
    // ARM fills `[parameters('x')]` values in before Logic Apps reads the definition.
    const definition = withParameterDefaults(parts.definition, template);
    const wdl = checkAgainstSchema('WorkflowDefinitionSchema', WDL_SCHEMA, definition);
    findings.push(
      ...wdl.map((item) => ({ ...item, at: `${parts.definitionAt}${item.at.slice(1)}` })),
    );
    schemasApplied.push(WDL_SCHEMA);
  }
  return { findings, schemasApplied };
}

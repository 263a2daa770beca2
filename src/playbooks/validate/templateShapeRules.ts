/**
 * Rules on the ARM frame of a playbook: the deployment template schema, described parameters
 * (PlaybookName first of all), the content metadata block, a system-assigned workflow with the
 * gallery tags that depends on every connection, a Sentinel connection with managed identity
 * on both sides, a custom-connector connection by customApis id, and connection names that
 * stay within 80 characters without a doubled prefix.
 */
import { finding, type LintFinding } from '../../lint/lintFinding.ts';
import { playbookParts, variableExpression, type PlaybookParts } from './playbookTemplateParts.ts';
import type { Json } from './workflowWalk.ts';

const MAX_CONNECTION_NAME = 80;
const REQUIRED_METADATA = [
  'title',
  'description',
  'prerequisites',
  'postDeployment',
  'lastUpdateTime',
  'entities',
  'tags',
  'support',
  'author',
  'releaseNotes',
];
const REQUIRED_TAGS = [
  'LogicAppsCategory',
  'hidden-SentinelTemplateName',
  'hidden-SentinelTemplateVersion',
];

export function templateShapeFindings(template: Json): LintFinding[] {
  const parts = playbookParts(template);
  return [
    ...frameFindings(template),
    ...metadataFindings(template),
    ...workflowFindings(parts),
    ...connectionFindings(parts),
  ];
}

function frameFindings(template: Json): LintFinding[] {
  const found: LintFinding[] = [];
  if (!String(template['$schema'] ?? '').includes('/deploymentTemplate.json')) {
    found.push(finding('TemplateSchema', '#/$schema', 'must be an ARM deploymentTemplate schema'));
  }
  if (typeof template['contentVersion'] !== 'string') {
    found.push(finding('TemplateSchema', '#/contentVersion', 'a contentVersion is required'));
  }
  const parameters = (template['parameters'] ?? {}) as Record<string, Json>;
  for (const [name, parameter] of Object.entries(parameters)) {
    const description = (parameter['metadata'] as Json | undefined)?.['description'];
    if (typeof description !== 'string' || description.length === 0) {
      found.push(
        finding('ParameterDescription', `#/parameters/${name}`, 'needs metadata.description'),
      );
    }
  }
  const playbookName = parameters['PlaybookName'];
  if (
    !playbookName ||
    playbookName['type'] !== 'string' ||
    playbookName['defaultValue'] === undefined
  ) {
    found.push(
      finding(
        'PlaybookNameParameter',
        '#/parameters',
        'a string PlaybookName parameter with a default is required',
      ),
    );
  }
  return found;
}

function metadataFindings(template: Json): LintFinding[] {
  const metadata = template['metadata'] as Json | undefined;
  if (!metadata)
    return [finding('ContentMetadata', '#/metadata', 'the content metadata block is required')];

  const found = REQUIRED_METADATA.filter((key) => metadata[key] === undefined).map((key) =>
    finding('ContentMetadata', '#/metadata', `'${key}' is required`),
  );
  if (typeof metadata['author'] !== 'object')
    found.push(finding('ContentMetadata', '#/metadata/author', 'must be { name }'));
  const tier = (metadata['support'] as Json | undefined)?.['tier'];
  if (!['microsoft', 'community', 'developer', 'partner'].includes(String(tier))) {
    found.push(
      finding(
        'ContentMetadata',
        '#/metadata/support/tier',
        'microsoft, community, developer or partner',
      ),
    );
  }
  if (Number.isNaN(Date.parse(String(metadata['lastUpdateTime'])))) {
    found.push(finding('ContentMetadata', '#/metadata/lastUpdateTime', 'must be an ISO 8601 time'));
  }
  return found;
}

function workflowFindings(parts: PlaybookParts): LintFinding[] {
  if (!parts.workflow)
    return [finding('WorkflowMissing', '#/resources', 'no Microsoft.Logic/workflows resource')];
  const { resource, at } = parts.workflow;
  const found: LintFinding[] = [];

  if ((resource['identity'] as Json | undefined)?.['type'] !== 'SystemAssigned') {
    found.push(
      finding('WorkflowIdentity', `${at}/identity`, 'use a system-assigned managed identity'),
    );
  }
  const tags = (resource['tags'] ?? {}) as Json;
  for (const tag of REQUIRED_TAGS.filter((name) => typeof tags[name] !== 'string')) {
    found.push(finding('WorkflowTags', `${at}/tags`, `tag '${tag}' is required`));
  }
  if ((resource['properties'] as Json | undefined)?.['state'] !== 'Enabled') {
    found.push(finding('WorkflowState', `${at}/properties/state`, "must be 'Enabled'"));
  }
  const dependsOn = ((resource['dependsOn'] ?? []) as string[]).join(' ');
  for (const { resource: connection } of parts.connections) {
    const name = String(connection['name']).replace(/^\[|\]$/g, '');
    if (!dependsOn.includes(name)) {
      found.push(
        finding('WorkflowDependsOn', `${at}/dependsOn`, `must depend on the connection ${name}`),
      );
    }
  }
  if (
    !parts.definition?.['parameters'] ||
    !(parts.definition['parameters'] as Json)['$connections']
  ) {
    found.push(
      finding(
        'ConnectionsParameter',
        `${parts.definitionAt}/parameters`,
        "the definition needs a '$connections' parameter",
      ),
    );
  }
  return found;
}

function connectionFindings(parts: PlaybookParts): LintFinding[] {
  const found: LintFinding[] = [];
  for (const { resource, at } of parts.connections) {
    const properties = (resource['properties'] ?? {}) as Json;
    const apiId = String((properties['api'] as Json | undefined)?.['id'] ?? '');
    const key = connectionKeyFor(parts, String(resource['name']));
    found.push(...nameLengthFindings(parts.template, String(resource['name']), at));

    if (resource['location'] !== '[resourceGroup().location]') {
      found.push(finding('HardcodedLocation', `${at}/location`, 'use [resourceGroup().location]'));
    }
    if (apiId.includes('/managedApis/azuresentinel')) {
      if (properties['parameterValueType'] !== 'Alternative') {
        found.push(
          finding(
            'SentinelManagedIdentity',
            `${at}/properties`,
            "set parameterValueType 'Alternative' (managed identity)",
          ),
        );
      }
      const authentication = (
        (parts.connectionValues[key ?? ''] ?? {})['connectionProperties'] as Json | undefined
      )?.['authentication'] as Json | undefined;
      if (authentication?.['type'] !== 'ManagedServiceIdentity') {
        found.push(
          finding(
            'SentinelManagedIdentity',
            `${parts.workflow?.at ?? '#/resources'}/properties/parameters/$connections/value/${key ?? ''}`,
            'the azuresentinel $connections entry needs authentication ' +
              'ManagedServiceIdentity, or deployment fails with ' +
              'WorkflowManagedIdentityConfigurationInvalid',
          ),
        );
      }
    } else if (
      !apiId.includes("/providers/Microsoft.Web/customApis/', parameters('CustomConnectorName')")
    ) {
      found.push(
        finding(
          'CustomConnectorConnection',
          `${at}/properties/api/id`,
          "must be the customApis id built from parameters('CustomConnectorName')",
        ),
      );
    }
    if (!key) {
      found.push(
        finding('ConnectionNotInConnections', at, 'no $connections entry uses this connection'),
      );
    }
  }
  return found;
}

function connectionKeyFor(parts: PlaybookParts, resourceName: string): string | undefined {
  const inner = resourceName.replace(/^\[|\]$/g, '');
  return Object.entries(parts.connectionValues).find(([, value]) =>
    String(value['connectionId'] ?? '').includes(inner),
  )?.[0];
}

/** `concat('prefix-', parameters('PlaybookName'))` is at most prefix + the parameter's maxLength. */
function nameLengthFindings(template: Json, resourceName: string, at: string): LintFinding[] {
  const variable = /^\[variables\('([^']+)'\)\]$/.exec(resourceName)?.[1];
  const expression = variable ? variableExpression(template, variable) : resourceName;
  const match = /^\[concat\('([^']*)', parameters\('([^']+)'\)\)\]$/.exec(expression ?? '');
  if (!match)
    return [
      finding(
        'ConnectionName',
        `${at}/name`,
        "build the name as concat('<prefix>-', parameters('PlaybookName'))",
      ),
    ];

  const parameter = ((template['parameters'] ?? {}) as Record<string, Json>)[match[2] ?? ''];
  const prefix = match[1] ?? '';
  if (
    String(parameter?.['defaultValue'] ?? '')
      .toLowerCase()
      .startsWith(prefix.toLowerCase())
  ) {
    return [finding('ConnectionNameDoublePrefix', `${at}/name`, `'${prefix}' would be doubled`)];
  }
  const maxLength = Number(parameter?.['maxLength'] ?? Number.POSITIVE_INFINITY);
  const longest = prefix.length + maxLength;
  return longest > MAX_CONNECTION_NAME
    ? [
        finding(
          'ConnectionNameTooLong',
          `${at}/name`,
          `can reach ${longest} characters; set a maxLength on ${match[2]} so it stays within ${MAX_CONNECTION_NAME}`,
        ),
      ]
    : [];
}

/**
 * The ARM template of a Sentinel playbook, in the shape the Sentinel gallery expects: the
 * content metadata block; PlaybookName and CustomConnectorName parameters; a Sentinel
 * connection using the workflow's managed identity (`parameterValueType: Alternative`, with
 * the matching `authentication` in `$connections`, or deployment fails); a connection to the
 * incident-bridge custom connector by its customApis id, pre-authorised when an API key is
 * given; and the workflow with a system-assigned identity.
 */
import {
  DEPLOYMENT_TEMPLATE_SCHEMA,
  type ArmParameter,
  type ArmResource,
  type ArmTemplate,
} from '../../artifacts/armTemplate.ts';
import type { PlaybookSpec } from './playbookSpec.ts';
import { BRIDGE_CONNECTION_KEY, SENTINEL_CONNECTION_KEY } from './workflowActions.ts';

export const PLAYBOOK_TEMPLATE_VERSION = '1.0';
export const PLAYBOOKS_LAST_UPDATED = '2026-12-03T00:00:00.000Z';
export const DEFAULT_CONNECTOR_NAME = 'IncidentBridgeCustomConnector';
export const WORKFLOW_API_VERSION = '2017-07-01';
export const WORKFLOW_DEFINITION_SCHEMA =
  'https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#';

/** Connection name prefixes; with PlaybookName at most 64 characters, names stay within 80. */
export const CONNECTION_PREFIXES = { sentinel: 'azuresentinel-', bridge: 'incidentbridge-' };
export const PLAYBOOK_NAME_MAX_LENGTH = 64;

const SENTINEL_API_ID =
  "[concat('/subscriptions/', subscription().subscriptionId, " +
  "'/providers/Microsoft.Web/locations/', resourceGroup().location, " +
  "'/managedApis/azuresentinel')]";
const CUSTOM_API_ID =
  "[concat('/subscriptions/', subscription().subscriptionId, '/resourceGroups/', " +
  "resourceGroup().name, '/providers/Microsoft.Web/customApis/', " +
  "parameters('CustomConnectorName'))]";

export function buildPlaybookTemplate(spec: PlaybookSpec): ArmTemplate {
  const usesConnector = spec.bridgeAuth === 'connector';
  const resources: ArmResource[] = [];
  const connections: Record<string, unknown> = {};
  const variables: Record<string, string> = {};

  if (spec.usesSentinel) {
    variables['MicrosoftSentinelConnectionName'] =
      `[concat('${CONNECTION_PREFIXES.sentinel}', parameters('PlaybookName'))]`;
    resources.push(sentinelConnection());
    connections[SENTINEL_CONNECTION_KEY] = {
      connectionId:
        "[resourceId('Microsoft.Web/connections', variables('MicrosoftSentinelConnectionName'))]",
      connectionName: "[variables('MicrosoftSentinelConnectionName')]",
      id: SENTINEL_API_ID,
      connectionProperties: { authentication: { type: 'ManagedServiceIdentity' } },
    };
  }
  if (usesConnector) {
    variables['IncidentBridgeConnectionName'] =
      `[concat('${CONNECTION_PREFIXES.bridge}', parameters('PlaybookName'))]`;
    resources.push(bridgeConnection());
    connections[BRIDGE_CONNECTION_KEY] = {
      connectionId:
        "[resourceId('Microsoft.Web/connections', variables('IncidentBridgeConnectionName'))]",
      connectionName: "[variables('IncidentBridgeConnectionName')]",
      id: CUSTOM_API_ID,
    };
  }

  resources.push(workflow(spec, resources, connections));
  return {
    $schema: DEPLOYMENT_TEMPLATE_SCHEMA,
    contentVersion: '1.0.0.0',
    metadata: contentMetadata(spec),
    parameters: { ...commonParameters(spec), ...spec.parameters },
    variables,
    resources,
  };
}

function commonParameters(spec: PlaybookSpec): Record<string, ArmParameter> {
  const parameters: Record<string, ArmParameter> = {
    PlaybookName: {
      type: 'string',
      defaultValue: spec.name,
      maxLength: PLAYBOOK_NAME_MAX_LENGTH,
      metadata: {
        description: 'Name of the playbook (Logic App); connection names derive from it.',
      },
    },
  };
  if (spec.bridgeAuth === 'connector') {
    parameters['CustomConnectorName'] = {
      type: 'string',
      defaultValue: DEFAULT_CONNECTOR_NAME,
      metadata: {
        description:
          'Name of the incident-bridge custom connector deployed in this resource group.',
      },
    };
    parameters['ApiKey'] = {
      type: 'securestring',
      defaultValue: '',
      metadata: {
        description:
          'incident-bridge API key for the connection. Leave empty to enter it after deployment.',
      },
    };
  }
  return parameters;
}

function sentinelConnection(): ArmResource {
  return {
    type: 'Microsoft.Web/connections',
    apiVersion: '2016-06-01',
    name: "[variables('MicrosoftSentinelConnectionName')]",
    location: '[resourceGroup().location]',
    kind: 'V1',
    properties: {
      displayName: "[variables('MicrosoftSentinelConnectionName')]",
      customParameterValues: {},
      parameterValueType: 'Alternative',
      api: { id: SENTINEL_API_ID },
    },
  };
}

function bridgeConnection(): ArmResource {
  return {
    type: 'Microsoft.Web/connections',
    apiVersion: '2016-06-01',
    name: "[variables('IncidentBridgeConnectionName')]",
    location: '[resourceGroup().location]',
    kind: 'V1',
    properties: {
      displayName: "[variables('IncidentBridgeConnectionName')]",
      customParameterValues: {},
      parameterValues:
        "[if(empty(parameters('ApiKey')), json('{}'), createObject('api_key', " +
        "parameters('ApiKey')))]",
      api: { id: CUSTOM_API_ID },
    },
  };
}

function workflow(
  spec: PlaybookSpec,
  connectionResources: ArmResource[],
  connections: Record<string, unknown>,
): ArmResource {
  const definitionParameters: Record<string, unknown> = {
    $connections: { defaultValue: {}, type: 'Object' },
  };
  const parameterValues: Record<string, unknown> = { $connections: { value: connections } };
  for (const [name, parameter] of Object.entries(spec.workflowParameters)) {
    definitionParameters[name] = {
      type: parameter.type,
      metadata: { description: parameter.description },
    };
    parameterValues[name] = { value: parameter.value };
  }

  return {
    type: 'Microsoft.Logic/workflows',
    apiVersion: WORKFLOW_API_VERSION,
    name: "[parameters('PlaybookName')]",
    location: '[resourceGroup().location]',
    identity: { type: 'SystemAssigned' },
    tags: {
      LogicAppsCategory: 'security',
      'hidden-SentinelTemplateName': spec.name,
      'hidden-SentinelTemplateVersion': PLAYBOOK_TEMPLATE_VERSION,
    },
    dependsOn: connectionResources.map(
      (resource) => `[resourceId('Microsoft.Web/connections', ${resource.name.slice(1, -1)})]`,
    ),
    properties: {
      state: 'Enabled',
      definition: {
        $schema: WORKFLOW_DEFINITION_SCHEMA,
        contentVersion: '1.0.0.0',
        parameters: definitionParameters,
        triggers: spec.triggers,
        actions: spec.actions,
        outputs: {},
      },
      parameters: parameterValues,
    },
  };
}

function contentMetadata(spec: PlaybookSpec): Record<string, unknown> {
  return {
    title: spec.name,
    description: spec.description,
    prerequisites: spec.prerequisites,
    ...(spec.bridgeAuth === 'connector'
      ? { prerequisitesDeployTemplateFile: '../../deploy/custom-connector/azuredeploy.json' }
      : {}),
    postDeployment: spec.postDeployment,
    lastUpdateTime: PLAYBOOKS_LAST_UPDATED,
    entities: spec.entities,
    tags: spec.tags,
    support: {
      tier: 'community',
      link: 'https://github.com/incident-bridge/incident-bridge/issues',
    },
    author: { name: 'incident-bridge maintainers' },
    releaseNotes: [
      { version: PLAYBOOK_TEMPLATE_VERSION, title: spec.name, notes: ['First release.'] },
    ],
  };
}

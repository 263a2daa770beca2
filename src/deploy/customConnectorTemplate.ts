/**
 * `deploy/custom-connector/azuredeploy.json`: the connector as a `Microsoft.Web/customApis`
 * resource with the generated Swagger inline. The host is a parameter, and so is the way a
 * connection authenticates (API key or Entra ID sign-in): the Swagger's security scheme and
 * the connection parameters follow it. The client secret is a secure parameter, never a file.
 */
import type { OpenApiDocument } from '../../api/validation/openapiDocument.ts';
import {
  DEPLOYMENT_TEMPLATE_SCHEMA,
  escapeArmLiterals,
  type ArmTemplate,
} from '../artifacts/armTemplate.ts';
import { buildApiDefinition } from '../connector/buildApiDefinition.ts';
import { apiKeyParameters, entraIdParameters } from '../connector/buildApiProperties.ts';
import {
  CONNECTOR_BRAND_COLOR,
  SECURITY_SCHEME_NAME,
  securityDefinitionFor,
} from '../connector/connectorSettings.ts';
import { DEFAULT_CONNECTOR_NAME } from '../playbooks/templates/playbookTemplate.ts';

export function buildCustomConnectorTemplate(contract: OpenApiDocument): ArmTemplate {
  const swagger = escapeArmLiterals(buildApiDefinition(contract, { auth: 'apiKey' })) as Record<
    string,
    unknown
  >;
  swagger['host'] = "[parameters('HostName')]";
  swagger['securityDefinitions'] =
    "[variables('securityDefinitions')[parameters('AuthenticationType')]]";
  swagger['security'] = "[variables('security')[parameters('AuthenticationType')]]";

  return {
    $schema: DEPLOYMENT_TEMPLATE_SCHEMA,
    contentVersion: '1.0.0.0',
    metadata: {
      title: 'incident-bridge custom connector',
      description:
        'The incident-bridge Logic Apps custom connector, generated from the API ' +
        'contract. Deploy it to the resource group of the playbooks, before them.',
    },
    parameters: {
      CustomConnectorName: {
        type: 'string',
        defaultValue: DEFAULT_CONNECTOR_NAME,
        metadata: {
          description: 'Name of the custom connector; playbooks refer to it by this name.',
        },
      },
      HostName: {
        type: 'string',
        metadata: {
          description: 'Host name of the incident-bridge API, without https:// or a path.',
        },
      },
      AuthenticationType: {
        type: 'string',
        defaultValue: 'ApiKey',
        allowedValues: ['ApiKey', 'EntraId'],
        metadata: {
          description:
            'ApiKey: each connection holds an incident-bridge API key. EntraId: each ' +
            'connection signs a user in with Entra ID.',
        },
      },
      ApiAppIdUri: {
        type: 'string',
        defaultValue: '',
        metadata: {
          description: 'EntraId only: App ID URI of the incident-bridge app registration.',
        },
      },
      ConnectorClientId: {
        type: 'string',
        defaultValue: '',
        metadata: {
          description: "EntraId only: application (client) id of the connector's client app.",
        },
      },
      ConnectorClientSecret: {
        type: 'securestring',
        defaultValue: '',
        metadata: { description: "EntraId only: a client secret of the connector's client app." },
      },
    },
    variables: {
      securityDefinitions: {
        ApiKey: { [SECURITY_SCHEME_NAME.apiKey]: securityDefinitionFor('apiKey') },
        EntraId: { [SECURITY_SCHEME_NAME.entraId]: securityDefinitionFor('entraId') },
      },
      security: {
        ApiKey: [{ [SECURITY_SCHEME_NAME.apiKey]: [] }],
        EntraId: [{ [SECURITY_SCHEME_NAME.entraId]: [] }],
      },
      connectionParameters: {
        ApiKey: apiKeyParameters(),
        EntraId: entraIdParameters({
          clientId: "[parameters('ConnectorClientId')]",
          clientSecret: "[parameters('ConnectorClientSecret')]",
          resourceUri: "[parameters('ApiAppIdUri')]",
        }),
      },
    },
    resources: [
      {
        type: 'Microsoft.Web/customApis',
        apiVersion: '2016-06-01',
        name: "[parameters('CustomConnectorName')]",
        location: '[resourceGroup().location]',
        properties: {
          displayName: "[parameters('CustomConnectorName')]",
          description: swagger['info']
            ? (swagger['info'] as { description: string }).description
            : '',
          brandColor: CONNECTOR_BRAND_COLOR,
          apiType: 'Rest',
          backendService: {
            serviceUrl: `[concat('https://', parameters('HostName'), '${contract.basePath}')]`,
          },
          connectionParameters:
            "[variables('connectionParameters')[parameters('AuthenticationType')]]",
          swagger,
        },
      },
    ],
    outputs: {
      customApiId: {
        type: 'string',
        value: "[resourceId('Microsoft.Web/customApis', parameters('CustomConnectorName'))]",
      },
    },
  };
}

/**
 * `deploy/api/azuredeploy.json`: incident-bridge on Azure Container Apps. The app has a
 * system-assigned managed identity (it reads Sentinel and Graph with it), answers HTTPS only,
 * and gets its configuration (the pairs) as a secret mounted as a file. One replica: the
 * default store is a SQLite file.
 */
import { DEPLOYMENT_TEMPLATE_SCHEMA, type ArmTemplate } from '../artifacts/armTemplate.ts';

export const CONTAINER_APPS_API_VERSION = '2024-03-01';
export const API_PORT = 3000;
const CONFIG_DIRECTORY = '/etc/incident-bridge';

export function buildApiHostingTemplate(): ArmTemplate {
  return {
    $schema: DEPLOYMENT_TEMPLATE_SCHEMA,
    contentVersion: '1.0.0.0',
    metadata: {
      title: 'incident-bridge API on Azure Container Apps',
      description:
        'Hosts the incident-bridge API with a system-assigned managed identity, HTTPS ' +
        'ingress only and the pairs as configuration.',
    },
    parameters: {
      AppName: {
        type: 'string',
        defaultValue: 'incident-bridge',
        maxLength: 32,
        metadata: { description: 'Name of the container app; the environment is named after it.' },
      },
      ContainerImage: {
        type: 'string',
        metadata: {
          description:
            'The incident-bridge image, e.g. myregistry.azurecr.io/incident-bridge:1.0.0.',
        },
      },
      Pairs: {
        type: 'array',
        metadata: {
          description:
            'The pairs of the configuration file (see the README); each side names the ' +
            'credential "managedIdentity".',
        },
      },
      SentinelApiVersion: {
        type: 'string',
        defaultValue: '2025-09-01',
        metadata: { description: 'api-version of the Sentinel incidents API.' },
      },
      ExtraEnvironment: {
        type: 'array',
        defaultValue: [],
        metadata: {
          description:
            'More environment variables for the container, as [{ "name": "...", "value": ' +
            '"..." }] (e.g. the inbound authentication settings).',
        },
      },
    },
    variables: {
      environmentName: "[concat(parameters('AppName'), '-env')]",
      configuration: {
        store: { sqlitePath: '/tmp/incident-bridge/incident-bridge.sqlite' },
        azure: { sentinelApiVersion: "[parameters('SentinelApiVersion')]" },
        credentials: { managedIdentity: { kind: 'managedIdentity' } },
        pairs: "[parameters('Pairs')]",
      },
      baseEnvironment: [
        { name: 'INCIDENT_BRIDGE_CONFIG', value: `${CONFIG_DIRECTORY}/config.json` },
        { name: 'PORT', value: String(API_PORT) },
        { name: 'HOST', value: '0.0.0.0' },
      ],
    },
    resources: [
      {
        type: 'Microsoft.App/managedEnvironments',
        apiVersion: CONTAINER_APPS_API_VERSION,
        name: "[variables('environmentName')]",
        location: '[resourceGroup().location]',
        properties: {},
      },
      {
        type: 'Microsoft.App/containerApps',
        apiVersion: CONTAINER_APPS_API_VERSION,
        name: "[parameters('AppName')]",
        location: '[resourceGroup().location]',
        identity: { type: 'SystemAssigned' },
        dependsOn: [
          "[resourceId('Microsoft.App/managedEnvironments', variables('environmentName'))]",
        ],
        properties: {
          managedEnvironmentId:
            "[resourceId('Microsoft.App/managedEnvironments', variables('environmentName'))]",
          configuration: {
            ingress: {
              external: true,
              targetPort: API_PORT,
              transport: 'auto',
              allowInsecure: false,
            },
            secrets: [{ name: 'config-json', value: "[string(variables('configuration'))]" }],
          },
          template: {
            containers: [
              {
                name: 'incident-bridge',
                image: "[parameters('ContainerImage')]",
                env: "[concat(variables('baseEnvironment'), parameters('ExtraEnvironment'))]",
                resources: { cpu: 0.5, memory: '1Gi' },
                volumeMounts: [{ volumeName: 'config', mountPath: CONFIG_DIRECTORY }],
                probes: [
                  {
                    type: 'Liveness',
                    httpGet: { path: '/api/v1/health?probe=liveness', port: API_PORT },
                  },
                  {
                    type: 'Readiness',
                    httpGet: { path: '/api/v1/health?probe=readiness', port: API_PORT },
                  },
                ],
              },
            ],
            volumes: [
              {
                name: 'config',
                storageType: 'Secret',
                secrets: [{ secretRef: 'config-json', path: 'config.json' }],
              },
            ],
            scale: { minReplicas: 1, maxReplicas: 1 },
          },
        },
      },
    ],
    outputs: {
      hostName: {
        type: 'string',
        value:
          "[reference(resourceId('Microsoft.App/containerApps', " +
          "parameters('AppName'))).configuration.ingress.fqdn]",
      },
      principalId: {
        type: 'string',
        value: `[reference(resourceId('Microsoft.App/containerApps', parameters('AppName')), '${CONTAINER_APPS_API_VERSION}', 'full').identity.principalId]`,
      },
    },
  };
}

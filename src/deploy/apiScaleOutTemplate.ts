/**
 * `deploy/api-scale-out/azuredeploy.json`: the API template with several replicas sharing an
 * Azure Database for PostgreSQL flexible server instead of one replica on a SQLite file. The
 * replicas claim jobs from the shared queue, split the pairs' pollers between them through
 * leases and each budget an equal share of Microsoft's quotas (`engine.replicas`).
 */
import type { ArmTemplate } from '../artifacts/armTemplate.ts';
import { buildApiHostingTemplate } from './apiHostingTemplate.ts';

export const POSTGRES_API_VERSION = '2022-12-01';
const DATABASE_NAME = 'incidentbridge';

type Json = Record<string, unknown>;

export function buildApiScaleOutTemplate(): ArmTemplate {
  const template = buildApiHostingTemplate() as ArmTemplate & Json;
  const metadata = template['metadata'] as Json;
  metadata['title'] = 'incident-bridge API on Azure Container Apps, scaled out on PostgreSQL';
  metadata['description'] =
    'Hosts several incident-bridge replicas with a system-assigned managed identity, HTTPS ' +
    'ingress only, sharing one Azure Database for PostgreSQL flexible server.';

  Object.assign(template['parameters'] as Json, scaleOutParameters());
  const variables = template['variables'] as Json;
  variables['postgresServerName'] =
    "[concat(parameters('AppName'), '-pg-', uniqueString(resourceGroup().id))]";
  const configuration = variables['configuration'] as Json;
  // DATABASE_URL (a secret) selects PostgreSQL; the file path stays as the unused default.
  configuration['engine'] = { replicas: "[parameters('ReplicaCount')]" };

  const resources = template['resources'] as Json[];
  resources.unshift(...postgresResources());
  const app = resources.find((resource) => resource['type'] === 'Microsoft.App/containerApps');
  if (!app) throw new Error('the API template has no container app');
  wireAppToDatabase(app);
  return template;
}

function scaleOutParameters(): Json {
  return {
    ReplicaCount: {
      type: 'int',
      defaultValue: 3,
      minValue: 2,
      maxValue: 10,
      metadata: { description: 'Replicas of the API; they share the quotas equally.' },
    },
    PostgresAdministratorLogin: {
      type: 'string',
      defaultValue: 'incidentbridge',
      metadata: { description: 'Administrator login of the PostgreSQL server.' },
    },
    PostgresAdministratorPassword: {
      type: 'securestring',
      minLength: 12,
      metadata: { description: 'Administrator password of the PostgreSQL server.' },
    },
    PostgresSkuName: {
      type: 'string',
      defaultValue: 'Standard_B1ms',
      metadata: { description: 'Compute size of the PostgreSQL server.' },
    },
    PostgresSkuTier: {
      type: 'string',
      defaultValue: 'Burstable',
      allowedValues: ['Burstable', 'GeneralPurpose', 'MemoryOptimized'],
      metadata: { description: 'Pricing tier matching PostgresSkuName.' },
    },
  };
}

function postgresResources(): Json[] {
  const server = "[variables('postgresServerName')]";
  const serverId =
    "[resourceId('Microsoft.DBforPostgreSQL/flexibleServers', variables('postgresServerName'))]";
  return [
    {
      type: 'Microsoft.DBforPostgreSQL/flexibleServers',
      apiVersion: POSTGRES_API_VERSION,
      name: server,
      location: '[resourceGroup().location]',
      sku: { name: "[parameters('PostgresSkuName')]", tier: "[parameters('PostgresSkuTier')]" },
      properties: {
        version: '16',
        administratorLogin: "[parameters('PostgresAdministratorLogin')]",
        administratorLoginPassword: "[parameters('PostgresAdministratorPassword')]",
        storage: { storageSizeGB: 32 },
        backup: { backupRetentionDays: 7, geoRedundantBackup: 'Disabled' },
        highAvailability: { mode: 'Disabled' },
      },
    },
    {
      type: 'Microsoft.DBforPostgreSQL/flexibleServers/databases',
      apiVersion: POSTGRES_API_VERSION,
      name: `[concat(variables('postgresServerName'), '/${DATABASE_NAME}')]`,
      dependsOn: [serverId],
      properties: { charset: 'UTF8', collation: 'en_US.utf8' },
    },
    {
      // 0.0.0.0 to 0.0.0.0 admits connections from Azure services, the container apps here.
      type: 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules',
      apiVersion: POSTGRES_API_VERSION,
      name: "[concat(variables('postgresServerName'), '/allow-azure-services')]",
      dependsOn: [serverId],
      properties: { startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' },
    },
  ];
}

function wireAppToDatabase(app: Json): void {
  const databaseId = `[resourceId('Microsoft.DBforPostgreSQL/flexibleServers/databases', variables('postgresServerName'), '${DATABASE_NAME}')]`;
  app['dependsOn'] = [...((app['dependsOn'] as string[]) ?? []), databaseId];

  const properties = app['properties'] as Json;
  const configuration = properties['configuration'] as Json;
  const secrets = configuration['secrets'] as Json[];
  secrets.push({
    name: 'database-url',
    value:
      "[concat('postgres://', parameters('PostgresAdministratorLogin'), ':', " +
      "uriComponent(parameters('PostgresAdministratorPassword')), '@', " +
      "reference(resourceId('Microsoft.DBforPostgreSQL/flexibleServers', " +
      "variables('postgresServerName')), '" +
      POSTGRES_API_VERSION +
      `').fullyQualifiedDomainName, ':5432/${DATABASE_NAME}?sslmode=verify-full')]`,
  });

  const template = properties['template'] as Json;
  const [container] = template['containers'] as Json[];
  if (!container) throw new Error('the container app has no container');
  container['env'] =
    "[concat(variables('baseEnvironment'), createArray(createObject('name', 'DATABASE_URL', " +
    "'secretRef', 'database-url')), parameters('ExtraEnvironment'))]";
  template['scale'] = {
    minReplicas: "[parameters('ReplicaCount')]",
    maxReplicas: "[parameters('ReplicaCount')]",
  };
}

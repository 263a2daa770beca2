import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOpenApiDocument } from '../../api/validation/openapiDocument.ts';
import { DEPLOY_ROOT, DEPLOY_STEPS, renderDeployFiles } from '../../src/deploy/deployFiles.ts';
import { validateDeployTemplate } from '../../src/deploy/validateDeployTemplate.ts';
import { parseConfig } from '../../src/config/loadConfig.ts';
import { hardcodedValueFindings } from '../../src/lint/hardcodedValueRules.ts';
import { PLAYBOOKS } from '../../src/playbooks/templates/playbookCatalog.ts';
import type { Json } from '../../src/playbooks/validate/workflowWalk.ts';
import { generatedApiDefinition } from '../connector/connectorFixtures.ts';
import { sharedExists } from '../support/sharedReference.ts';

function template(step: (typeof DEPLOY_STEPS)[number]): Json {
  return JSON.parse(readFileSync(join(DEPLOY_ROOT, step, 'azuredeploy.json'), 'utf8')) as Json;
}

function resources(step: (typeof DEPLOY_STEPS)[number]): Json[] {
  return template(step)['resources'] as Json[];
}

describe('the deploy templates', () => {
  for (const step of DEPLOY_STEPS) {
    it(`${step} passes the offline checks`, () => {
      expect(validateDeployTemplate(template(step)).findings).toEqual([]);
    });
  }

  it('are committed exactly as the generator writes them (no stale copy)', () => {
    for (const file of renderDeployFiles(loadOpenApiDocument())) {
      expect(readFileSync(file.path, 'utf8'), file.path).toBe(file.content);
    }
  });

  it('inline the generated Swagger in the custom connector, host and security as parameters', () => {
    const [customApi] = resources('custom-connector');
    const swagger = (customApi?.['properties'] as Json)['swagger'] as Json;
    const generated = generatedApiDefinition() as unknown as Json;

    expect(swagger['host']).toBe("[parameters('HostName')]");
    expect(swagger['paths']).toEqual(generated['paths']);
    expect(swagger['definitions']).toEqual(generated['definitions']);
    expect((customApi?.['properties'] as Json)['backendService']).toEqual({
      serviceUrl: "[concat('https://', parameters('HostName'), '/api/v1')]",
    });
  });

  it('host the API with a system-assigned identity, HTTPS only', () => {
    const app = resources('api').find(
      (resource) => resource['type'] === 'Microsoft.App/containerApps',
    );
    const ingress = ((app?.['properties'] as Json)['configuration'] as Json)['ingress'];

    expect(app?.['identity']).toEqual({ type: 'SystemAssigned' });
    expect(ingress).toMatchObject({ external: true, allowInsecure: false });
  });

  it('scale out to several replicas on a PostgreSQL server given as DATABASE_URL', () => {
    const all = resources('api-scale-out');
    const app = all.find((resource) => resource['type'] === 'Microsoft.App/containerApps');
    const properties = app?.['properties'] as Json;
    const secrets = (properties['configuration'] as Json)['secrets'] as Json[];
    const scaleTemplate = properties['template'] as Json;
    const [container] = scaleTemplate['containers'] as Json[];
    const variables = template('api-scale-out')['variables'] as Json;

    expect(all.map((resource) => resource['type'])).toContain(
      'Microsoft.DBforPostgreSQL/flexibleServers/databases',
    );
    expect(secrets.map((secret) => secret['name'])).toEqual(['config-json', 'database-url']);
    expect(String(container?.['env'])).toContain("'DATABASE_URL', 'secretRef', 'database-url'");
    expect(scaleTemplate['scale']).toEqual({
      minReplicas: "[parameters('ReplicaCount')]",
      maxReplicas: "[parameters('ReplicaCount')]",
    });
    // Each replica budgets its share of the quotas.
    expect((variables['configuration'] as Json)['engine']).toEqual({
      replicas: "[parameters('ReplicaCount')]",
    });
    const parameters = template('api-scale-out')['parameters'] as Record<string, Json>;
    expect(parameters['PostgresAdministratorPassword']?.['type']).toBe('securestring');
  });

  it('run playbooks that exist, with the tenant from the subscription', () => {
    const names = new Set(PLAYBOOKS.map((spec) => spec.name));
    const parameters = template('automation-rules')['parameters'] as Record<string, Json>;

    for (const rule of resources('automation-rules')) {
      const [action] = (rule['properties'] as Json)['actions'] as Json[];
      const configuration = action?.['actionConfiguration'] as Json;
      const parameter = /parameters\('(\w+PlaybookName)'\)/.exec(
        String(configuration['logicAppResourceId']),
      )?.[1];
      expect(names.has(String(parameters[parameter ?? '']?.['defaultValue']))).toBe(true);
      expect(configuration['tenantId']).toBe('[subscription().tenantId]');
    }
  });

  it('grant Sentinel Responder on the workspace and Automation Contributor on the playbooks', () => {
    const text = JSON.stringify(template('role-assignments'));

    expect(text).toContain('3e150937-b8fe-4cfb-8069-0eccf23a5dc1');
    expect(text).toContain('f4c81013-99ee-4d62-a7ee-b3f1f648599a');
  });

  it('catch a hard-coded tenant and a literal location', () => {
    const broken = template('automation-rules');
    const [rule] = broken['resources'] as Json[];
    const [action] = (rule?.['properties'] as Json)['actions'] as Json[];
    (action?.['actionConfiguration'] as Json)['tenantId'] = '7c4e2a91-3f58-4b6d-a0e7-5d9c1b3f8e24';
    (rule as Json)['location'] = 'westeurope';

    const rules = validateDeployTemplate(broken).findings.map((item) => item.rule);

    expect(rules).toEqual(expect.arrayContaining(['HardcodedIdentifier', 'HardcodedLocation']));
  });
});

describe.runIf(sharedExists)('the deploy templates against the official schemas', () => {
  it('check the custom connector and the automation rules', () => {
    const connector = validateDeployTemplate(template('custom-connector'));
    const rules = validateDeployTemplate(template('automation-rules'));

    expect(connector.schemasApplied).toEqual(['Microsoft.Web/customApis@2016-06-01']);
    expect(rules.schemasApplied).toContain('Microsoft.SecurityInsights/automationRules@2025-09-01');
    expect([...connector.findings, ...rules.findings]).toEqual([]);
  });

  it('an automation rule with an unknown trigger breaks the Sentinel schema', () => {
    const broken = template('automation-rules');
    const [rule] = broken['resources'] as Json[];
    ((rule?.['properties'] as Json)['triggeringLogic'] as Json)['triggersWhen'] = 'Deleted';

    const rules = validateDeployTemplate(broken).findings.map((item) => item.rule);

    expect(rules).toContain('ArmResourceSchema');
  });
});

describe('the example parameters file', () => {
  const example = JSON.parse(
    readFileSync(join(DEPLOY_ROOT, 'api', 'azuredeploy.parameters.example.json'), 'utf8'),
  ) as { parameters: Record<string, { value: unknown }> };

  it('sets only parameters of the API template, and every required one', () => {
    const parameters = template('api')['parameters'] as Record<string, Json>;
    const required = Object.keys(parameters).filter(
      (name) => parameters[name]?.['defaultValue'] === undefined,
    );

    expect(Object.keys(parameters)).toEqual(
      expect.arrayContaining(Object.keys(example.parameters)),
    );
    expect(Object.keys(example.parameters)).toEqual(expect.arrayContaining(required));
  });

  it('holds pairs the service accepts once the placeholders are filled in', () => {
    const filled = JSON.parse(
      JSON.stringify(example.parameters['Pairs']?.value).replace(/<[a-z-]+>/g, 'filled-in'),
    ) as unknown;

    const config = parseConfig({
      credentials: { managedIdentity: { kind: 'managedIdentity' } },
      pairs: filled,
    });

    expect(config.pairs.map((pair) => pair.name)).toEqual(['contoso']);
  });

  it('holds placeholders, not ids or secrets', () => {
    expect(hardcodedValueFindings(example)).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LintFinding } from '../../src/lint/lintFinding.ts';
import { PLAYBOOKS } from '../../src/playbooks/templates/playbookCatalog.ts';
import { renderPlaybookFiles } from '../../src/playbooks/templates/playbookFiles.ts';
import { readPlaybookFolders } from '../../src/playbooks/validate/playbookFolders.ts';
import { validatePlaybook } from '../../src/playbooks/validate/validatePlaybook.ts';
import type { Json } from '../../src/playbooks/validate/workflowWalk.ts';
import { generatedApiDefinition } from '../connector/connectorFixtures.ts';
import { sharedExists } from '../support/sharedReference.ts';

const swagger = generatedApiDefinition();

function playbook(name: string): Json {
  const folder = readPlaybookFolders().find((candidate) => candidate.name === name);
  if (!folder) throw new Error(`no playbook ${name}`);
  return folder.template;
}

function workflowOf(template: Json): Json {
  const resources = template['resources'] as Json[];
  return resources.find((resource) => resource['type'] === 'Microsoft.Logic/workflows')!;
}

function actionsOf(template: Json): Record<string, Json> {
  const definition = (workflowOf(template)['properties'] as Json)['definition'] as Json;
  return definition['actions'] as Record<string, Json>;
}

function errorsOf(template: Json): LintFinding[] {
  return validatePlaybook(template, swagger).findings.filter((item) => item.severity === 'error');
}

describe('the packaged playbooks', () => {
  it('are one folder per playbook the project defines', () => {
    expect(readPlaybookFolders().map((folder) => folder.name)).toEqual(
      PLAYBOOKS.map((spec) => spec.name).sort(),
    );
  });

  for (const folder of readPlaybookFolders()) {
    it(`${folder.name} passes the validator`, () => {
      expect(errorsOf(folder.template)).toEqual([]);
    });
  }

  it('are committed exactly as the generator writes them (no stale copy)', () => {
    for (const file of renderPlaybookFiles(swagger)) {
      expect(readFileSync(file.path, 'utf8'), file.path).toBe(file.content);
    }
  });

  it('limit concurrency where two runs must not overlap', () => {
    for (const name of [
      'Sync-IncidentOnUpdate',
      'Close-DefenderIncidentOnClose',
      'Reconcile-Scheduled',
    ]) {
      const definition = (workflowOf(playbook(name))['properties'] as Json)['definition'] as Json;
      const [trigger] = Object.values(definition['triggers'] as Record<string, Json>);
      expect(trigger?.['runtimeConfiguration'], name).toMatchObject({ concurrency: { runs: 1 } });
    }
  });
});

describe.runIf(sharedExists)('the playbooks against the official schemas', () => {
  it('check the workflow definition and every resource', () => {
    const result = validatePlaybook(playbook('Close-DefenderIncidentOnClose'), swagger);

    expect(result.schemasApplied).toEqual(
      expect.arrayContaining([
        'workflowdefinition-2016-06-01.json',
        'Microsoft.Logic/workflows@2017-07-01',
        'Microsoft.Web/connections@2016-06-01',
      ]),
    );
    expect(result.findings).toEqual([]);
  });

  it('an unknown action type breaks the workflow definition schema', () => {
    const template = playbook('Sync-IncidentOnUpdate');
    actionsOf(template)['Sync_incident']!['type'] = 'ApiConnectionn';

    expect(errorsOf(template).map((item) => item.rule)).toContain('WorkflowDefinitionSchema');
  });
});

describe('the playbook validator catches a broken copy', () => {
  it('an expression referring to a missing action', () => {
    const template = playbook('Close-DefenderIncidentOnClose');
    const select = actionsOf(template)['Describe_Defender_changes']!;
    (select['inputs'] as Json)['from'] = "@body('Push_close_to_Defendr')?['defender']?['changes']";

    expect(errorsOf(template)).toContainEqual(
      expect.objectContaining({
        rule: 'UnknownActionReference',
        message: "body('Push_close_to_Defendr') names no action",
      }),
    );
  });

  it('a runAfter naming a missing action', () => {
    const template = playbook('Sync-IncidentOnUpdate');
    actionsOf(template)['Comment_sync_failure']!['runAfter'] = { Sync_incidents: ['Failed'] };

    expect(errorsOf(template).map((item) => item.rule)).toContain('UnknownRunAfter');
  });

  it('a connector call with a wrong path', () => {
    const template = playbook('Sync-IncidentOnUpdate');
    (actionsOf(template)['Sync_incident']!['inputs'] as Json)['path'] = '/sync/sentinel-incidents';

    expect(errorsOf(template)).toContainEqual(
      expect.objectContaining({
        rule: 'ConnectorPathNotFound',
        message: '/sync/sentinel-incidents is not a path of the incident-bridge connector',
      }),
    );
  });

  it('a connector call with the wrong method', () => {
    const template = playbook('Reconcile-Scheduled');
    (actionsOf(template)['Reconcile_all_pairs']!['inputs'] as Json)['method'] = 'get';

    expect(errorsOf(template).map((item) => item.rule)).toContain('ConnectorMethodNotFound');
  });

  it('a connector call missing a required parameter', () => {
    const template = playbook('Sync-IncidentOnUpdate');
    (actionsOf(template)['Sync_incident']!['inputs'] as Json)['body'] = {};

    expect(errorsOf(template)).toContainEqual(
      expect.objectContaining({
        rule: 'ConnectorParameterMissing',
        message: "SyncSentinelIncident needs the body property 'incidentArmId'",
      }),
    );
  });

  it('a connector call with a body property the operation does not have', () => {
    const template = playbook('Enrich-IncidentOnCreate');
    const body = (actionsOf(template)['Enrich_incident']!['inputs'] as Json)['body'] as Json;
    body['writeComment'] = true;

    expect(errorsOf(template).map((item) => item.rule)).toContain('ConnectorUnknownProperty');
  });

  it('a managed-identity HTTP call to a path the API lacks, or without an audience', () => {
    const template = playbook('Sync-IncidentOnUpdate-ManagedIdentity');
    const inputs = actionsOf(template)['Sync_incident']!['inputs'] as Json;
    inputs['uri'] = "https://@{parameters('HostName')}/api/v1/sync/incident";

    expect(errorsOf(template).map((item) => item.rule)).toContain('ConnectorPathNotFound');

    inputs['uri'] = "https://@{parameters('HostName')}/api/v1/sync/sentinel-incident";
    inputs['authentication'] = { type: 'ManagedServiceIdentity' };
    expect(errorsOf(template).map((item) => item.rule)).toContain('BridgeHttpAuthentication');
  });

  it('a hard-coded subscription and a location', () => {
    const template = playbook('Sync-IncidentOnUpdate');
    const connection = (template['resources'] as Json[])[0]!;
    connection['location'] = 'westeurope';
    ((connection['properties'] as Json)['api'] as Json)['id'] =
      '/subscriptions/2f9d6b3e-8a41-4c7f-b5e2-9e0a7d4c1f63/providers/Microsoft.Web/locations/westeurope/managedApis/azuresentinel';

    expect(errorsOf(template).map((item) => item.rule)).toEqual(
      expect.arrayContaining(['HardcodedIdentifier', 'HardcodedLocation']),
    );
  });

  it('a secure parameter with a default value', () => {
    const template = playbook('Sync-IncidentOnUpdate');
    ((template['parameters'] as Json)['ApiKey'] as Json)['defaultValue'] = 'k3y';

    expect(errorsOf(template).map((item) => item.rule)).toContain('SecretDefault');
  });

  it('incomplete metadata', () => {
    const template = playbook('Enrich-IncidentOnCreate');
    const metadata = template['metadata'] as Json;
    delete metadata['releaseNotes'];
    metadata['author'] = 'someone';

    const messages = errorsOf(template).filter((item) => item.rule === 'ContentMetadata');

    expect(messages.map((item) => item.message)).toEqual(
      expect.arrayContaining(["'releaseNotes' is required", 'must be { name }']),
    );
  });

  it('a Sentinel connection without the managed identity in $connections', () => {
    const template = playbook('Sync-IncidentOnUpdate');
    const parameters = (workflowOf(template)['properties'] as Json)['parameters'] as Json;
    const value = (parameters['$connections'] as Json)['value'] as Record<string, Json>;
    delete value['azuresentinel']!['connectionProperties'];

    expect(errorsOf(template).map((item) => item.rule)).toContain('SentinelManagedIdentity');
  });

  it('a connection name that can pass 80 characters', () => {
    const template = playbook('Sync-IncidentOnUpdate');
    delete ((template['parameters'] as Json)['PlaybookName'] as Json)['maxLength'];

    expect(errorsOf(template).map((item) => item.rule)).toContain('ConnectionNameTooLong');
  });

  it('a default playbook name that doubles the connection prefix', () => {
    const template = playbook('Sync-IncidentOnUpdate');
    ((template['parameters'] as Json)['PlaybookName'] as Json)['defaultValue'] =
      'incidentbridge-Sync';

    expect(errorsOf(template).map((item) => item.rule)).toContain('ConnectionNameDoublePrefix');
  });

  it('an action using a connection the workflow does not set', () => {
    const template = playbook('Sync-IncidentOnUpdate');
    const host = (actionsOf(template)['Comment_sync_failure']!['inputs'] as Json)['host'] as Json;
    host['connection'] = { name: "@parameters('$connections')['azuresentinel-2']['connectionId']" };

    expect(errorsOf(template).map((item) => item.rule)).toContain('UnknownConnection');
  });
});

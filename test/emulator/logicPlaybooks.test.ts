import { describe, expect, it } from 'vitest';

import {
  deployPlaybooks,
  validatePlaybooksInAzure,
  type PlaybookDeployOptions,
} from '../../src/playbooks/azure/playbookDeployment.ts';
import { listPlaybookRuns } from '../../src/playbooks/azure/playbookRuns.ts';
import { readPlaybookFolders } from '../../src/playbooks/validate/playbookFolders.ts';
import type { Json } from '../../src/playbooks/validate/workflowWalk.ts';
import { controlCaller, logicClient } from './support/clients.ts';
import { useEmulator } from './support/emulatorFixture.ts';
import { restErrorOf } from './support/restErrors.ts';
import { OTHER_APP, OTHER_TENANT, WORKSPACE } from './support/testSeed.ts';

const emulator = useEmulator();
const RG = 'rg-playbooks';
const TARGET = {
  subscriptionId: WORKSPACE.subscriptionId,
  resourceGroupName: RG,
  location: 'westeurope',
};
const VALUES = {
  ApiKey: 'test-api-key',
  HostName: 'bridge.test',
  ApiAudience: 'api://incident-bridge',
};

function options(
  names?: string[],
  values: Record<string, unknown> = VALUES,
): PlaybookDeployOptions {
  const folders = readPlaybookFolders().filter((folder) => !names || names.includes(folder.name));
  return { target: TARGET, folders, values };
}

function brokenCopy(name: string, change: (definition: Json) => void): PlaybookDeployOptions {
  const deployOptions = options([name]);
  const template = structuredClone(deployOptions.folders[0]!.template);
  const workflow = (template['resources'] as Json[]).find(
    (resource) => resource['type'] === 'Microsoft.Logic/workflows',
  )!;
  change((workflow['properties'] as Json)['definition'] as Json);
  return { ...deployOptions, folders: [{ ...deployOptions.folders[0]!, template }] };
}

describe('playbooks deploy through @azure/arm-logic', () => {
  it('creates every playbook with its connections, identities and evaluated parameters', async () => {
    const client = logicClient(emulator());

    const deployed = await deployPlaybooks(client, options());

    expect(deployed.map((playbook) => playbook.created)).toEqual(deployed.map(() => true));
    expect(deployed.every((playbook) => /^[0-9a-f-]{36}$/.test(playbook.principalId))).toBe(true);
    const sync = deployed.find((playbook) => playbook.playbook === 'Sync-IncidentOnUpdate');
    expect(sync?.connections).toEqual([
      { name: 'azuresentinel-Sync-IncidentOnUpdate', created: true, status: 'Connected' },
      { name: 'incidentbridge-Sync-IncidentOnUpdate', created: true, status: 'Connected' },
    ]);

    const reconcile = await client.workflows.get(RG, 'Reconcile-Scheduled');
    const definition = reconcile.definition as Json;
    expect((definition['triggers'] as Json)['Every_interval']).toMatchObject({
      recurrence: { frequency: 'Minute', interval: 60 },
    });
    const connections = (reconcile.parameters?.['$connections']?.value ?? {}) as Record<
      string,
      Json
    >;
    expect(connections['incidentbridge']).toEqual({
      connectionId: `/subscriptions/${WORKSPACE.subscriptionId}/resourceGroups/${RG}/providers/Microsoft.Web/connections/incidentbridge-Reconcile-Scheduled`,
      connectionName: 'incidentbridge-Reconcile-Scheduled',
      id: `/subscriptions/${WORKSPACE.subscriptionId}/resourceGroups/${RG}/providers/Microsoft.Web/customApis/IncidentBridgeCustomConnector`,
    });
    expect(reconcile.tags?.['hidden-SentinelTemplateName']).toBe('Reconcile-Scheduled');
  });

  it('updates on a second deploy and keeps the identity', async () => {
    const client = logicClient(emulator());
    const [first] = await deployPlaybooks(client, options(['Enrich-IncidentOnCreate']));

    const [second] = await deployPlaybooks(client, options(['Enrich-IncidentOnCreate']));

    expect(second?.created).toBe(false);
    expect(second?.principalId).toBe(first?.principalId);
    expect(second?.connections.map((connection) => connection.created)).toEqual([false, false]);
  });

  it('leaves the connector connection unauthenticated when no API key is given', async () => {
    const [deployed] = await deployPlaybooks(
      logicClient(emulator()),
      options(['Reconcile-Scheduled'], {}),
    );

    expect(deployed?.connections).toEqual([
      { name: 'incidentbridge-Reconcile-Scheduled', created: true, status: 'Error' },
    ]);
  });

  it('refuses a Sentinel connection whose $connections entry lacks the managed identity', async () => {
    const deployOptions = options(['Sync-IncidentOnUpdate']);
    const template = structuredClone(deployOptions.folders[0]!.template);
    const workflow = (template['resources'] as Json[]).find(
      (resource) => resource['type'] === 'Microsoft.Logic/workflows',
    )!;
    const parameters = (workflow['properties'] as Json)['parameters'] as Json;
    delete (((parameters['$connections'] as Json)['value'] as Json)['azuresentinel'] as Json)[
      'connectionProperties'
    ];

    const error = await restErrorOf(
      deployPlaybooks(logicClient(emulator()), {
        ...deployOptions,
        folders: [{ ...deployOptions.folders[0]!, template }],
      }),
    );

    expect(error.statusCode).toBe(400);
    expect(error.code).toBe('WorkflowManagedIdentityConfigurationInvalid');
  });

  it('answers 403 to a token of a tenant that does not own the subscription', async () => {
    const stranger = { tenantId: OTHER_TENANT, ...OTHER_APP };

    const error = await restErrorOf(
      deployPlaybooks(logicClient(emulator(), stranger), options(['Sync-IncidentOnUpdate'])),
    );

    expect(error.statusCode).toBe(403);
    expect(error.code).toBe('InvalidAuthenticationTokenTenant');
  });
});

describe('playbooks validate --azure through @azure/arm-logic', () => {
  it('accepts the deployed playbooks', async () => {
    const client = logicClient(emulator());
    await deployPlaybooks(client, options());

    const results = await validatePlaybooksInAzure(client, options());

    expect(results.filter((result) => !result.valid)).toEqual([]);
    expect(results).toHaveLength(readPlaybookFolders().length);
  });

  it('reports connections that are not deployed yet', async () => {
    const [result] = await validatePlaybooksInAzure(
      logicClient(emulator()),
      options(['Sync-IncidentOnUpdate']),
    );

    expect(result).toMatchObject({ valid: false, code: 'ApiConnectionNotFound' });
  });

  it('reports a runAfter naming an action that does not exist', async () => {
    const client = logicClient(emulator());
    await deployPlaybooks(client, options(['Sync-IncidentOnUpdate']));
    const broken = brokenCopy('Sync-IncidentOnUpdate', (definition) => {
      ((definition['actions'] as Json)['Comment_sync_failure'] as Json)['runAfter'] = {
        Sync_incidents: ['Failed'],
      };
    });

    const [result] = await validatePlaybooksInAzure(client, broken);

    expect(result).toEqual({
      playbook: 'Sync-IncidentOnUpdate',
      valid: false,
      code: 'InvalidTemplate',
      message:
        "The 'runAfter' property of template action 'Comment_sync_failure' contains non-existent action: 'Sync_incidents'.",
    });
  });

  it('reports an expression naming an action that does not exist', async () => {
    const client = logicClient(emulator());
    await deployPlaybooks(client, options(['Close-DefenderIncidentOnClose']));
    const broken = brokenCopy('Close-DefenderIncidentOnClose', (definition) => {
      const select = (definition['actions'] as Json)['Describe_Defender_changes'] as Json;
      (select['inputs'] as Json)['from'] = "@body('Push_close')?['defender']?['changes']";
    });

    const [result] = await validatePlaybooksInAzure(client, broken);

    expect(result?.code).toBe('InvalidTemplate');
    expect(result?.message).toContain(
      "The action(s) 'Push_close' referenced by 'inputs' in action 'Describe_Defender_changes'",
    );
  });
});

describe('playbooks runs through @azure/arm-logic', () => {
  async function recordRun(workflowName: string, body: Json): Promise<void> {
    const workflowId = `/subscriptions/${WORKSPACE.subscriptionId}/resourceGroups/${RG}/providers/Microsoft.Logic/workflows/${workflowName}`;
    const answer = await controlCaller(emulator()).send('POST', '/_emulator/logic/runs', {
      body: { workflowId, ...body },
    });
    expect(answer.status).toBe(201);
  }

  it('lists recent runs of our playbooks, newest first, with the failed actions and why', async () => {
    const client = logicClient(emulator());
    await deployPlaybooks(client, options(['Sync-IncidentOnUpdate', 'Reconcile-Scheduled']));
    await recordRun('Sync-IncidentOnUpdate', {
      status: 'Succeeded',
      actions: [{ name: 'Sync_incident', status: 'Succeeded' }],
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await recordRun('Reconcile-Scheduled', {
      status: 'Failed',
      trigger: 'Every_interval',
      actions: [
        {
          name: 'Reconcile_all_pairs',
          status: 'Failed',
          code: 'BadGateway',
          error: { code: 'upstream_failed', message: 'A Microsoft API call failed' },
        },
        { name: 'Fail_with_reason', status: 'Succeeded' },
      ],
    });

    const runs = await listPlaybookRuns(client, RG, 10);

    expect(runs.map((run) => [run.playbook, run.status])).toEqual([
      ['Reconcile-Scheduled', 'Failed'],
      ['Sync-IncidentOnUpdate', 'Succeeded'],
    ]);
    expect(runs[0]?.failedActions).toEqual([
      {
        name: 'Reconcile_all_pairs',
        code: 'upstream_failed',
        message: 'A Microsoft API call failed',
      },
    ]);
    expect(runs[1]?.failedActions).toEqual([]);
  });

  it('ignores workflows that are not our playbooks and keeps to the run limit', async () => {
    const client = logicClient(emulator());
    await deployPlaybooks(client, options(['Reconcile-Scheduled']));
    await client.workflows.createOrUpdate(RG, 'someone-elses', {
      location: 'westeurope',
      definition: { triggers: { manual: { type: 'Request' } }, actions: {} },
    });
    await recordRun('someone-elses', { status: 'Failed' });
    for (let index = 0; index < 3; index += 1)
      await recordRun('Reconcile-Scheduled', { status: 'Succeeded' });

    const runs = await listPlaybookRuns(client, RG, 2);

    expect(runs.map((run) => run.workflowName)).toEqual([
      'Reconcile-Scheduled',
      'Reconcile-Scheduled',
    ]);
  });
});

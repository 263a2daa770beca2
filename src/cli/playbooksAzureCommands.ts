/**
 * `playbooks deploy`, `playbooks validate --azure` and `playbooks runs`: the playbook
 * templates of this repository created, validated and watched through the Logic Apps API.
 */
import { isRestError } from '@azure/core-rest-pipeline';
import {
  deployPlaybooks,
  validatePlaybooksInAzure,
  type PlaybookDeployOptions,
} from '../playbooks/azure/playbookDeployment.ts';
import { listPlaybookRuns } from '../playbooks/azure/playbookRuns.ts';
import { readPlaybookFolders } from '../playbooks/validate/playbookFolders.ts';
import { logicClientFor } from './azureTarget.ts';
import type { AzureTargetOptions } from './azureTargetOptions.ts';

export interface PlaybookDeployCommandOptions extends AzureTargetOptions {
  location: string;
  playbook?: string[];
  apiKeyEnv?: string;
  hostName?: string;
  apiAudience?: string;
  connectorName?: string;
}

export async function playbooksDeployCommand(options: PlaybookDeployCommandOptions): Promise<void> {
  await reportingAzureErrors(async () => {
    const deployed = await deployPlaybooks(logicClientFor(options), deployOptions(options));
    for (const playbook of deployed) {
      console.log(
        `${playbook.created ? 'created' : 'updated'} ${playbook.playbook}  identity ${playbook.principalId}`,
      );
      for (const connection of playbook.connections) {
        const hint =
          connection.status === 'Connected' ? '' : '  (authorise it: Edit API connection)';
        console.log(`  connection ${connection.name}: ${connection.status}${hint}`);
      }
    }
  });
}

export async function playbooksValidateAzureCommand(
  options: PlaybookDeployCommandOptions,
): Promise<number> {
  let invalid = 0;
  await reportingAzureErrors(async () => {
    const results = await validatePlaybooksInAzure(logicClientFor(options), deployOptions(options));
    for (const result of results) {
      if (result.valid) console.log(`valid   ${result.playbook}`);
      else console.log(`invalid ${result.playbook}: ${result.code} ${result.message}`);
    }
    invalid = results.filter((result) => !result.valid).length;
  });
  return invalid;
}

export async function playbooksRunsCommand(
  options: AzureTargetOptions & { top: string },
): Promise<void> {
  await reportingAzureErrors(async () => {
    const runs = await listPlaybookRuns(
      logicClientFor(options),
      options.resourceGroup,
      Number(options.top),
    );
    if (runs.length === 0) console.log('no runs of incident-bridge playbooks');
    for (const run of runs) {
      console.log(`${run.startTime}  ${run.status.padEnd(9)} ${run.workflowName}  ${run.runName}`);
      for (const action of run.failedActions) {
        console.log(`  failed ${action.name}: ${action.code} ${action.message}`);
      }
    }
  });
}

/**
 * Named playbooks must all deploy; without names, a playbook whose required parameters were
 * not given (the managed-identity variant without --host-name) is skipped with a note.
 */
function deployOptions(options: PlaybookDeployCommandOptions): PlaybookDeployOptions {
  const wanted = options.playbook;
  const available = readPlaybookFolders();
  const unknown = (wanted ?? []).filter(
    (name) => !available.some((folder) => folder.name === name),
  );
  if (unknown.length > 0) throw new Error(`no playbook named ${unknown.join(', ')}`);

  const apiKey = options.apiKeyEnv ? process.env[options.apiKeyEnv] : undefined;
  if (options.apiKeyEnv && !apiKey) throw new Error(`the variable ${options.apiKeyEnv} is empty`);
  const values = {
    ...(apiKey ? { ApiKey: apiKey } : {}),
    ...(options.hostName ? { HostName: options.hostName } : {}),
    ...(options.apiAudience ? { ApiAudience: options.apiAudience } : {}),
    ...(options.connectorName ? { CustomConnectorName: options.connectorName } : {}),
  };

  const folders = available.filter((folder) => {
    if (wanted) return wanted.includes(folder.name);
    const missing = requiredParameters(folder.template).filter((name) => !(name in values));
    if (missing.length > 0) console.log(`skipped ${folder.name}: give ${missing.join(', ')}`);
    return missing.length === 0;
  });
  return {
    target: {
      subscriptionId: options.subscription,
      resourceGroupName: options.resourceGroup,
      location: options.location,
    },
    folders,
    values,
  };
}

function requiredParameters(template: Record<string, unknown>): string[] {
  const parameters = (template['parameters'] ?? {}) as Record<string, { defaultValue?: unknown }>;
  return Object.keys(parameters).filter((name) => parameters[name]?.defaultValue === undefined);
}

/** Azure's answer is printed as code and message; anything else is a bug and is rethrown. */
async function reportingAzureErrors(run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (!isRestError(error) && !(error instanceof Error && 'code' in error)) throw error;
    const status = isRestError(error) ? ` (HTTP ${error.statusCode ?? '?'})` : '';
    console.error(`failed${status}: ${(error as { code?: string }).code ?? ''} ${error.message}`);
    process.exitCode = 1;
  }
}

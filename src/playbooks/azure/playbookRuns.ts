/**
 * Recent runs of the project's playbooks in a resource group (workflows tagged with one of
 * its template names), newest first, with the actions that failed and the error each gave.
 */
import type { LogicManagementClient } from '@azure/arm-logic';
import { PLAYBOOKS } from '../templates/playbookCatalog.ts';

export interface FailedAction {
  name: string;
  code: string;
  message: string;
}

export interface PlaybookRun {
  playbook: string;
  workflowName: string;
  runName: string;
  status: string;
  startTime: string;
  failedActions: FailedAction[];
}

export async function listPlaybookRuns(
  client: LogicManagementClient,
  resourceGroupName: string,
  runsPerPlaybook: number,
): Promise<PlaybookRun[]> {
  const templates = new Set(PLAYBOOKS.map((spec) => spec.name));
  const runs: PlaybookRun[] = [];

  for await (const workflow of client.workflows.listByResourceGroup(resourceGroupName)) {
    const playbook = workflow.tags?.['hidden-SentinelTemplateName'] ?? '';
    if (!templates.has(playbook) || !workflow.name) continue;

    let taken = 0;
    for await (const run of client.workflowRuns.list(resourceGroupName, workflow.name, {
      top: runsPerPlaybook,
    })) {
      if (taken++ >= runsPerPlaybook) break;
      const failedActions =
        run.status === 'Failed'
          ? await failedActionsOf(client, resourceGroupName, workflow.name, run.name ?? '')
          : [];
      runs.push({
        playbook,
        workflowName: workflow.name,
        runName: run.name ?? '',
        status: run.status ?? '',
        startTime: run.startTime?.toISOString() ?? '',
        failedActions,
      });
    }
  }
  return runs.sort((a, b) => b.startTime.localeCompare(a.startTime));
}

async function failedActionsOf(
  client: LogicManagementClient,
  resourceGroupName: string,
  workflowName: string,
  runName: string,
): Promise<FailedAction[]> {
  const failed: FailedAction[] = [];
  const actions = client.workflowRunActions.list(resourceGroupName, workflowName, runName, {
    filter: "status eq 'Failed'",
  });
  for await (const action of actions) {
    const error = (action.error ?? {}) as { code?: string; message?: string };
    failed.push({
      name: action.name ?? '',
      code: error.code ?? action.code ?? '',
      message: error.message ?? '',
    });
  }
  return failed;
}

/**
 * The emulated Logic Apps side of a resource group: workflows (Microsoft.Logic/workflows),
 * API connections (Microsoft.Web/connections) and the runs Logic Apps would have recorded.
 * Keys are lower-cased resource ids, as ARM ids compare without case. Connection parameter
 * values are never kept: ARM does not return them either, only whether they were set.
 */
import { newGuid } from '../ids.ts';

export type Json = Record<string, unknown>;

export interface ResourceGroupRef {
  subscriptionId: string;
  resourceGroupName: string;
}

export interface StoredWorkflow {
  id: string;
  name: string;
  location: string;
  tags: Record<string, string>;
  identity?: { type: string; principalId: string; tenantId: string };
  state: string;
  definition: Json;
  parameters: Json;
  createdTime: string;
  changedTime: string;
  version: string;
}

export interface StoredConnection {
  id: string;
  name: string;
  location: string;
  kind?: string;
  properties: Json;
  /** True when parameter values (an API key) were given, or the connection uses the identity. */
  authenticated: boolean;
}

export interface RunActionRecord {
  name: string;
  status: string;
  code?: string;
  error?: { code: string; message: string };
  startTime: string;
  endTime: string;
}

export interface StoredRun {
  id: string;
  name: string;
  status: string;
  startTime: string;
  endTime: string;
  error?: { code: string; message: string };
  trigger: { name: string; status: string };
  workflow: { id: string; name: string; version: string };
  actions: RunActionRecord[];
}

export class LogicResources {
  private readonly workflows = new Map<string, StoredWorkflow>();
  private readonly connections = new Map<string, StoredConnection>();
  private readonly runs = new Map<string, StoredRun[]>();

  clear(): void {
    this.workflows.clear();
    this.connections.clear();
    this.runs.clear();
  }

  workflow(id: string): StoredWorkflow | undefined {
    return this.workflows.get(id.toLowerCase());
  }

  workflowsIn(group: ResourceGroupRef): StoredWorkflow[] {
    const prefix = resourceGroupId(group).toLowerCase();
    return [...this.workflows.values()]
      .filter((workflow) => workflow.id.toLowerCase().startsWith(`${prefix}/`))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Creates or replaces; answers whether it was created. */
  putWorkflow(workflow: StoredWorkflow): boolean {
    const created = !this.workflows.has(workflow.id.toLowerCase());
    this.workflows.set(workflow.id.toLowerCase(), workflow);
    return created;
  }

  deleteWorkflow(id: string): boolean {
    this.runs.delete(id.toLowerCase());
    return this.workflows.delete(id.toLowerCase());
  }

  connection(id: string): StoredConnection | undefined {
    return this.connections.get(id.toLowerCase());
  }

  connectionsIn(group: ResourceGroupRef): StoredConnection[] {
    const prefix = resourceGroupId(group).toLowerCase();
    return [...this.connections.values()].filter((connection) =>
      connection.id.toLowerCase().startsWith(`${prefix}/`),
    );
  }

  putConnection(connection: StoredConnection): boolean {
    const created = !this.connections.has(connection.id.toLowerCase());
    this.connections.set(connection.id.toLowerCase(), connection);
    return created;
  }

  /** Newest first, as Logic Apps lists runs. */
  runsOf(workflowId: string): StoredRun[] {
    return [...(this.runs.get(workflowId.toLowerCase()) ?? [])].sort((a, b) =>
      b.startTime.localeCompare(a.startTime),
    );
  }

  /** Records a run as Logic Apps would after the workflow ran (the control API's door). */
  recordRun(workflowId: string, run: Omit<StoredRun, 'id' | 'name' | 'workflow'>): StoredRun {
    const workflow = this.workflow(workflowId);
    if (!workflow) throw new Error(`no workflow ${workflowId}`);

    const name = newGuid().replaceAll('-', '').toUpperCase().slice(0, 29);
    const stored: StoredRun = {
      ...run,
      id: `${workflow.id}/runs/${name}`,
      name,
      workflow: { id: workflow.id, name: workflow.name, version: workflow.version },
    };
    const list = this.runs.get(workflow.id.toLowerCase()) ?? [];
    list.push(stored);
    this.runs.set(workflow.id.toLowerCase(), list);
    return stored;
  }
}

export function resourceGroupId(group: ResourceGroupRef): string {
  return `/subscriptions/${group.subscriptionId}/resourceGroups/${group.resourceGroupName}`;
}

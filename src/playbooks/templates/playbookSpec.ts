/**
 * What one packaged playbook is: its name and gallery metadata, which connections it uses,
 * its own template parameters, and its workflow definition's triggers and actions. The
 * common frame (connections, `$connections`, identity, tags) is built around it.
 */
import type { ArmParameter } from '../../artifacts/armTemplate.ts';
import type { WorkflowAction } from './workflowActions.ts';

export interface WorkflowParameter {
  type: 'String' | 'Int' | 'Bool' | 'Object' | 'Array';
  /** The ARM expression or value the deployment sets it to. */
  value: unknown;
  description: string;
}

export interface PlaybookSpec {
  /** Folder name and default PlaybookName; also the hidden Sentinel template name. */
  name: string;
  description: string;
  tags: string[];
  entities: string[];
  prerequisites: string[];
  postDeployment: string[];
  /** How the playbook is started and what it leaves behind, for its README. */
  usage: string[];
  /** How the playbook calls incident-bridge. */
  bridgeAuth: 'connector' | 'managedIdentity';
  /** True when a trigger or action uses the Microsoft Sentinel connector. */
  usesSentinel: boolean;
  parameters: Record<string, ArmParameter>;
  workflowParameters: Record<string, WorkflowParameter>;
  triggers: Record<string, WorkflowAction>;
  actions: Record<string, WorkflowAction>;
}

/**
 * The control API's stand-in for a workflow having run: records a run of a deployed
 * workflow, with its actions' outcomes, as Logic Apps would have. `playbooks runs` then
 * reads it through the real Logic Apps API.
 */
import type { RequestHandler } from 'express';

import type { EmulatorContext } from '../emulatorContext.ts';
import type { RunActionRecord } from '../state/logicResources.ts';
import { sendControlError } from './controlErrors.ts';

const STATUSES = new Set(['Succeeded', 'Failed', 'Cancelled', 'Running', 'Skipped', 'TimedOut']);

interface RunRequest {
  workflowId?: unknown;
  status?: unknown;
  error?: { code: string; message: string };
  trigger?: string;
  actions?: Array<{
    name?: unknown;
    status?: unknown;
    code?: string;
    error?: { code: string; message: string };
  }>;
}

export function postLogicRun(context: EmulatorContext): RequestHandler {
  return (req, res) => {
    const body = (req.body ?? {}) as RunRequest;
    const workflowId = String(body.workflowId ?? '');
    if (!context.state.logic.workflow(workflowId)) {
      return sendControlError(res, 404, 'notFound', `No deployed workflow ${workflowId}`);
    }
    const statuses = [body.status, ...(body.actions ?? []).map((action) => action.status)];
    const wrong = statuses.find((status) => !STATUSES.has(String(status)));
    if (wrong !== undefined) {
      return sendControlError(
        res,
        400,
        'invalidStatus',
        `status must be one of ${[...STATUSES].join(', ')}`,
      );
    }

    const now = context.clock().toISOString();
    const actions: RunActionRecord[] = (body.actions ?? []).map((action) => ({
      name: String(action.name),
      status: String(action.status),
      ...(action.code ? { code: action.code } : {}),
      ...(action.error ? { error: action.error } : {}),
      startTime: now,
      endTime: now,
    }));
    const run = context.state.logic.recordRun(workflowId, {
      status: String(body.status),
      startTime: now,
      endTime: now,
      ...(body.error ? { error: body.error } : {}),
      trigger: { name: body.trigger ?? 'manual', status: 'Succeeded' },
      actions,
    });
    res.status(201).json({ id: run.id, name: run.name });
  };
}

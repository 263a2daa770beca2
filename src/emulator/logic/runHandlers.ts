/**
 * Workflow runs and their actions, newest run first, with `$top` and the one filter the
 * portal and the CLI use: `status eq '<status>'`.
 */
import type { Request, RequestHandler } from 'express';

import { sendArmError } from '../arm/armErrors.ts';
import type { EmulatorContext } from '../emulatorContext.ts';
import { runActionView, runView } from './logicViews.ts';
import { sendWorkflowNotFound, workflowId } from './workflowHandlers.ts';

const STATUS_FILTER = /^\s*status\s+eq\s+'([A-Za-z]+)'\s*$/i;

export function listRuns(context: EmulatorContext): RequestHandler {
  return (req, res) => {
    const name = String(req.params['workflowName']);
    const id = workflowId(res, name);
    if (!context.state.logic.workflow(id)) return sendWorkflowNotFound(res, name);

    const filter = statusFilter(req);
    if (filter === null) return sendInvalidFilter(res, req);
    const runs = context.state.logic
      .runsOf(id)
      .filter((run) => filter === undefined || run.status.toLowerCase() === filter);
    res.json({ value: runs.slice(0, topOf(req, runs.length)).map(runView) });
  };
}

export function getRun(context: EmulatorContext): RequestHandler {
  return (req, res) => {
    const run = findRun(context, res, req);
    if (!run)
      return sendArmError(
        res,
        404,
        'WorkflowRunNotFound',
        `The workflow run '${String(req.params['runName'])}' could not be found.`,
      );
    res.json(runView(run));
  };
}

export function listRunActions(context: EmulatorContext): RequestHandler {
  return (req, res) => {
    const run = findRun(context, res, req);
    if (!run)
      return sendArmError(
        res,
        404,
        'WorkflowRunNotFound',
        `The workflow run '${String(req.params['runName'])}' could not be found.`,
      );

    const filter = statusFilter(req);
    if (filter === null) return sendInvalidFilter(res, req);
    const actions = run.actions.filter(
      (action) => filter === undefined || action.status.toLowerCase() === filter,
    );
    res.json({
      value: actions
        .slice(0, topOf(req, actions.length))
        .map((action) => runActionView(run, action)),
    });
  };
}

function findRun(context: EmulatorContext, res: Parameters<RequestHandler>[1], req: Request) {
  const id = workflowId(res, String(req.params['workflowName']));
  const runName = String(req.params['runName']).toLowerCase();
  return context.state.logic.runsOf(id).find((run) => run.name.toLowerCase() === runName);
}

/** undefined: no filter; null: a filter the emulator does not understand. */
function statusFilter(req: Request): string | undefined | null {
  const filter = req.query['$filter'];
  if (filter === undefined) return undefined;
  const match = STATUS_FILTER.exec(String(filter));
  return match?.[1] ? match[1].toLowerCase() : null;
}

function topOf(req: Request, fallback: number): number {
  const top = Number(req.query['$top']);
  return Number.isInteger(top) && top > 0 ? top : fallback;
}

function sendInvalidFilter(res: Parameters<RequestHandler>[1], req: Request): void {
  sendArmError(
    res,
    400,
    'InvalidFilter',
    `The filter '${String(req.query['$filter'])}' is not supported; use status eq '<status>'.`,
  );
}

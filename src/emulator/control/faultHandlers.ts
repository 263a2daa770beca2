/**
 * Control operations on fault rules and the request log.
 */
import type { RequestHandler } from 'express';

import type { EmulatorContext } from '../emulatorContext.ts';
import { EMULATED_APIS, type EmulatedApi, type FaultRuleSpec } from '../faults.ts';
import { answerControlFailure, sendControlError } from './controlErrors.ts';

export function getFaults(context: EmulatorContext): RequestHandler {
  return (_req, res) => {
    res.json({ value: context.faults.list() });
  };
}

export function postFault(context: EmulatorContext): RequestHandler {
  return (req, res) => {
    try {
      res.status(201).json(context.faults.add(req.body as FaultRuleSpec));
    } catch (error) {
      answerControlFailure(res, error);
    }
  };
}

export function deleteFaults(context: EmulatorContext): RequestHandler {
  return (_req, res) => {
    context.faults.clear();
    res.status(204).end();
  };
}

export function deleteFault(context: EmulatorContext): RequestHandler {
  return (req, res) => {
    const removed = context.faults.remove(String(req.params['ruleId']));
    if (!removed) return sendControlError(res, 404, 'notFound', 'No such fault rule');
    res.status(204).end();
  };
}

/** `POST /_emulator/faults/seed {"seed": 42}` restarts the probability draws. */
export function postFaultSeed(context: EmulatorContext): RequestHandler {
  return (req, res) => {
    const seed: unknown = (req.body as { seed?: unknown } | undefined)?.seed;
    if (typeof seed !== 'number' || !Number.isInteger(seed)) {
      return sendControlError(res, 400, 'invalid', "'seed' must be an integer");
    }
    context.faults.reseed(seed);
    res.status(204).end();
  };
}

export function getRequests(context: EmulatorContext): RequestHandler {
  return (req, res) => {
    const api = EMULATED_APIS.find((candidate) => candidate === req.query['api']);
    const method = typeof req.query['method'] === 'string' ? req.query['method'] : undefined;
    const status = req.query['status'] === undefined ? undefined : Number(req.query['status']);

    const filter: { api?: EmulatedApi; method?: string; status?: number } = {
      ...(api ? { api } : {}),
      ...(method ? { method } : {}),
      ...(status !== undefined && Number.isInteger(status) ? { status } : {}),
    };
    res.json({ value: context.requests.entries(filter) });
  };
}

export function deleteRequests(context: EmulatorContext): RequestHandler {
  return (_req, res) => {
    context.requests.clear();
    res.status(204).end();
  };
}

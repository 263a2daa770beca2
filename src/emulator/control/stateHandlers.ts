/**
 * Control operations on the emulated world: look at it, reset or replace it, and act as an
 * analyst in the Defender or Sentinel portal (edit any field, add incidents and comments).
 */
import type { RequestHandler } from 'express';

import type { GraphIncident } from '../../model/graphIncident.ts';
import type { SentinelIncidentProperties } from '../../model/sentinelIncident.ts';
import type { SentinelWorkspaceRef } from '../../model/sentinelIncidentArmId.ts';
import type { EmulatorContext } from '../emulatorContext.ts';
import { parseSeed, type SentinelIncidentSeed } from '../seed.ts';
import { answerControlFailure, sendControlError } from './controlErrors.ts';

type Body = Record<string, unknown>;

export function getState(context: EmulatorContext): RequestHandler {
  return (_req, res) => {
    res.json(context.state.snapshot());
  };
}

export function postReset(context: EmulatorContext): RequestHandler {
  return (_req, res) => {
    context.state.reset();
    res.status(204).end();
  };
}

export function postSeed(context: EmulatorContext): RequestHandler {
  return guarded((req, res) => {
    context.state.load(parseSeed(req.body, 'request body'));
    res.status(204).end();
  });
}

/** One Defender incident as the portal holds it, alerts included. */
export function getDefenderIncident(context: EmulatorContext): RequestHandler {
  return guarded((req, res) => {
    const incident = context.state.getDefenderIncident(
      String(req.params['tenantId']),
      String(req.params['incidentId']),
    );
    if (!incident) sendControlError(res, 404, 'notFound', 'No such Defender incident');
    else res.json(incident);
  });
}

/** One Sentinel incident as the portal holds it. */
export function getSentinelIncident(context: EmulatorContext): RequestHandler {
  return guarded((req, res) => {
    const incident = context.state.getSentinelIncident(String(req.params['incidentName']));
    if (!incident) sendControlError(res, 404, 'notFound', 'No such Sentinel incident');
    else res.json(incident);
  });
}

export function patchDefenderIncident(context: EmulatorContext): RequestHandler {
  return guarded((req, res) => {
    const changes = objectBody(req.body) as Partial<GraphIncident>;
    const modifiedBy =
      typeof req.query['modifiedBy'] === 'string' ? req.query['modifiedBy'] : undefined;
    const tenantId = String(req.params['tenantId']);
    const incidentId = String(req.params['incidentId']);

    res.json(
      context.state.editDefenderIncident(tenantId, incidentId, changes, {
        ...(modifiedBy ? { modifiedBy } : {}),
      }),
    );
  });
}

export function postDefenderIncident(context: EmulatorContext): RequestHandler {
  return guarded((req, res) => {
    const incident = objectBody(req.body) as Omit<GraphIncident, 'id'> & { id?: string };
    res
      .status(201)
      .json(context.state.addDefenderIncident(String(req.params['tenantId']), incident));
  });
}

export function postDefenderComment(context: EmulatorContext): RequestHandler {
  return guarded((req, res) => {
    const body = objectBody(req.body);
    if (typeof body['comment'] !== 'string') {
      return sendControlError(res, 400, 'invalid', "'comment' must be a string");
    }
    const modifiedBy = typeof body['modifiedBy'] === 'string' ? body['modifiedBy'] : undefined;

    const comments = context.state.addDefenderComment(
      String(req.params['tenantId']),
      String(req.params['incidentId']),
      body['comment'],
      modifiedBy ? { modifiedBy } : {},
    );
    res.json({ value: comments });
  });
}

export function patchSentinelIncident(context: EmulatorContext): RequestHandler {
  return guarded((req, res) => {
    const changes = objectBody(req.body) as Partial<SentinelIncidentProperties>;
    res.json(context.state.editSentinelIncident(String(req.params['incidentName']), changes));
  });
}

export function postSentinelIncident(context: EmulatorContext): RequestHandler {
  return guarded((req, res) => {
    const { workspace, ...seed } = objectBody(req.body);
    if (typeof workspace !== 'object' || workspace === null) {
      return sendControlError(res, 400, 'invalid', "'workspace' must name the target workspace");
    }
    const created = context.state.addSentinelIncident(
      workspace as SentinelWorkspaceRef,
      seed as unknown as SentinelIncidentSeed,
    );
    res.status(201).json(created);
  });
}

export function postSentinelComment(context: EmulatorContext): RequestHandler {
  return guarded((req, res) => {
    const body = objectBody(req.body);
    if (typeof body['message'] !== 'string') {
      return sendControlError(res, 400, 'invalid', "'message' must be a string");
    }
    const commentName = typeof body['commentName'] === 'string' ? body['commentName'] : undefined;

    const comment = context.state.addSentinelComment(
      String(req.params['incidentName']),
      body['message'],
      {
        ...(commentName ? { commentName } : {}),
      },
    );
    res.status(201).json(comment);
  });
}

/** Runs a handler and turns the errors control operations expect into 4xx answers. */
function guarded(handler: RequestHandler): RequestHandler {
  return (req, res, next) => {
    try {
      return handler(req, res, next);
    } catch (error) {
      answerControlFailure(res, error);
    }
  };
}

function objectBody(body: unknown): Body {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new TypeError('The request body must be a JSON object');
  }
  return body as Body;
}

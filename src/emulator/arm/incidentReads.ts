/**
 * The single-incident operations that only read or remove: `Incidents_Get`,
 * `Incidents_Delete`, `Incidents_ListAlerts` and `Incidents_ListEntities` (the last two are
 * POSTs in the API, though they change nothing).
 */
import type { RequestHandler, Response } from 'express';

import type { SentinelEntitiesResponse } from '../../model/sentinelIncident.ts';
import type { StoredSentinelIncident } from '../state/sentinelWorkspace.ts';
import { findStoredIncident } from '../state/sentinelWorkspace.ts';
import { sendArmError } from './armErrors.ts';
import { workspaceOf } from './armGuards.ts';

export const getIncident: RequestHandler = (req, res) => {
  const stored = storedIncidentOf(req.params['incidentId'], res);
  if (stored) res.json(stored.resource);
};

export const deleteIncident: RequestHandler = (req, res) => {
  const workspace = workspaceOf(res);
  const deleted = workspace.incidents.delete(String(req.params['incidentId']).toLowerCase());
  res.status(deleted ? 200 : 204).end();
};

export const listIncidentAlerts: RequestHandler = (req, res) => {
  const stored = storedIncidentOf(req.params['incidentId'], res);
  if (stored) res.json({ value: stored.alerts });
};

export const listIncidentEntities: RequestHandler = (req, res) => {
  const stored = storedIncidentOf(req.params['incidentId'], res);
  if (!stored) return;

  const counts = new Map<string, number>();
  for (const entity of stored.entities) counts.set(entity.kind, (counts.get(entity.kind) ?? 0) + 1);

  const body: SentinelEntitiesResponse = {
    entities: stored.entities,
    metaData: [...counts].map(([entityKind, count]) => ({ entityKind, count })),
  };
  res.json(body);
};

/** The addressed incident, or `undefined` after answering 404. */
export function storedIncidentOf(
  incidentId: unknown,
  res: Response,
): StoredSentinelIncident | undefined {
  const name = String(incidentId);
  const stored = findStoredIncident(workspaceOf(res), name);
  if (!stored) sendArmError(res, 404, 'NotFound', `Incident '${name}' was not found.`);
  return stored;
}

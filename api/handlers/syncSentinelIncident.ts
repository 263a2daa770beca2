import type { SyncSentinelIncidentRequest } from '../contractTypes.ts';
import type { Handler } from './handler.ts';
import { toSyncResult } from './syncResult.ts';

export const syncSentinelIncident: Handler = async (req, res, services) => {
  const { incidentArmId } = req.body as SyncSentinelIncidentRequest;

  const outcome = await services.sync.syncSentinelIncident(incidentArmId, {
    trigger: 'api:SyncSentinelIncident',
  });
  res.json(toSyncResult(outcome));
};

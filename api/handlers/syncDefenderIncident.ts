import type { SyncDefenderIncidentRequest } from '../contractTypes.ts';
import type { Handler } from './handler.ts';
import { toSyncResult } from './syncResult.ts';

export const syncDefenderIncident: Handler = async (req, res, services) => {
  const { tenantId, incidentId } = req.body as SyncDefenderIncidentRequest;

  const outcome = await services.sync.syncDefenderIncident(tenantId, incidentId, {
    trigger: 'api:SyncDefenderIncident',
  });
  res.json(toSyncResult(outcome));
};

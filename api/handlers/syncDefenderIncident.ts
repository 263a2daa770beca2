import type { SyncDefenderIncidentRequest } from '../contractTypes.ts';
import type { Handler } from './handler.ts';
import { runSyncJob } from './runSyncJob.ts';

export const syncDefenderIncident: Handler = async (req, res, services) => {
  const { tenantId, incidentId } = req.body as SyncDefenderIncidentRequest;

  await runSyncJob(
    res,
    services,
    { side: 'defender', tenantId, incidentId },
    'SyncDefenderIncident',
  );
};

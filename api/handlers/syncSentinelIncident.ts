import type { SyncSentinelIncidentRequest } from '../contractTypes.ts';
import type { Handler } from './handler.ts';
import { runSyncJob } from './runSyncJob.ts';

export const syncSentinelIncident: Handler = async (req, res, services) => {
  const { incidentArmId } = req.body as SyncSentinelIncidentRequest;

  await runSyncJob(res, services, { side: 'sentinel', incidentArmId }, 'SyncSentinelIncident');
};

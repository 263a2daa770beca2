/**
 * Runs an API-triggered sync through the job queue, so it is serialised with every other sync
 * of the pair (playbook runs, pollers, other replicas), and answers with its outcome. When the
 * job cannot finish in time (throttling, retries) the answer is 202 with the job id; the job
 * goes on and the next sync call for the pair returns its result.
 */
import type { Response } from 'express';
import type { SyncTarget } from '../../src/sync/engine/syncJobPayload.ts';
import type { AppServices } from '../appServices.ts';
import type { components } from '../../openapi/generated/types.ts';
import { toSyncResult } from './syncResult.ts';

type SyncAccepted = components['schemas']['SyncAccepted'];

export async function runSyncJob(
  res: Response,
  services: AppServices,
  target: SyncTarget,
  operationId: string,
): Promise<void> {
  await services.sync.links.assertExists(target);
  const waited = await services.engine.jobs.enqueueAndWait(
    { target, reason: `api:${operationId}`, priority: 'status' },
    services.syncWaitMs,
  );
  if (waited.kind === 'done') {
    res.json(toSyncResult(waited.outcome));
    return;
  }

  const accepted: SyncAccepted = {
    jobId: waited.job.id,
    state: 'queued',
    runAfter: waited.job.runAfter,
  };
  res.status(202).json(accepted);
}

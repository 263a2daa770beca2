import type { components } from '../../openapi/generated/types.ts';
import { ProblemError } from '../problems/problemError.ts';
import type { Handler } from './handler.ts';

type SyncAccepted = components['schemas']['SyncAccepted'];

export const replayDeadLetter: Handler = async (req, res, services) => {
  const jobId = String(req.params['jobId']);

  const replayed = await services.store.jobs.replay(jobId);
  if (!replayed) throw new ProblemError('dead_letter_not_found', `No dead-lettered job ${jobId}.`);

  services.engine.worker.wake();
  const accepted: SyncAccepted = {
    jobId: replayed.id,
    state: 'queued',
    runAfter: replayed.runAfter,
  };
  res.json(accepted);
};

import type { components } from '../../openapi/generated/types.ts';
import { ProblemError } from '../problems/problemError.ts';
import type { Handler } from './handler.ts';

type ReconcilePairsRequest = components['schemas']['ReconcilePairsRequest'];
type ReconcileResult = components['schemas']['ReconcileResult'];

/** Runs the reconcile sweep now; the repairs it queues run in the background. */
export const reconcilePairs: Handler = async (req, res, services) => {
  const { pairName } = req.body as ReconcilePairsRequest;
  if (pairName && !services.pairs.byName(pairName)) {
    throw new ProblemError('pair_not_configured', `No pair named ${pairName}.`, [
      {
        field: 'body.pairName',
        message: 'is not a configured pair',
        acceptedValues: services.pairs.all().map((pair) => pair.config.name),
      },
    ]);
  }

  const result: ReconcileResult = { pairs: await services.engine.reconcileNow(pairName) };
  res.json(result);
};

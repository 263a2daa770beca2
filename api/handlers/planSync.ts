import type { components } from '../../openapi/generated/types.ts';
import { planSyncs } from '../../src/sync/engine/planSyncs.ts';
import type { SyncTarget } from '../../src/sync/engine/syncJobPayload.ts';
import { ProblemError } from '../problems/problemError.ts';
import type { Handler } from './handler.ts';

type PlanSyncRequest = components['schemas']['PlanSyncRequest'];
type SyncPlanResult = components['schemas']['SyncPlanResult'];

export const planSync: Handler = async (req, res, services) => {
  const body = req.body as PlanSyncRequest;
  const target = targetOf(body);
  if (target) services.sync.links.pairFor(target);
  if (body.pairName && !services.pairs.byName(body.pairName)) {
    throw new ProblemError('pair_not_configured', `No pair named ${body.pairName}.`, [
      {
        field: 'body.pairName',
        message: 'is not a configured pair',
        acceptedValues: services.pairs.all().map((pair) => pair.config.name),
      },
    ]);
  }

  const report = await planSyncs(services.sync, services.store, services.pairs, {
    target,
    pairName: body.pairName,
  });
  const result: SyncPlanResult = {
    plans: report.plans.map((plan) => ({
      pairName: plan.pairName,
      linkId: plan.link?.id ?? '',
      sentinelIncidentArmId: plan.sentinelIncidentArmId,
      defenderIncidentId: plan.defenderIncidentId,
      sentinel: plan.sentinel,
      defender: plan.defender,
      decisions: plan.decisions,
      notes: plan.notes,
    })),
    planned: report.planned,
    sentinelWrites: report.plans.filter((plan) => plan.sentinel.changes.length > 0).length,
    defenderWrites: report.plans.filter((plan) => plan.defender.changes.length > 0).length,
    failures: report.failures,
  };
  res.json(result);
};

function targetOf(body: PlanSyncRequest): SyncTarget | undefined {
  if (body.sentinelIncidentArmId)
    return { side: 'sentinel', incidentArmId: body.sentinelIncidentArmId };
  if (body.defenderIncidentId || body.defenderTenantId) {
    if (!body.defenderIncidentId || !body.defenderTenantId) {
      throw new ProblemError(
        'target_required',
        'A Defender incident needs both its tenant and its id.',
        [
          {
            field: 'body',
            message: 'give defenderTenantId with defenderIncidentId',
            acceptedValues: ['defenderTenantId', 'defenderIncidentId'],
          },
        ],
      );
    }
    return {
      side: 'defender',
      tenantId: body.defenderTenantId,
      incidentId: body.defenderIncidentId,
    };
  }
  return undefined;
}

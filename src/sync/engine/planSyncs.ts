/**
 * Dry runs: what a sync of one incident pair, of every linked pair of a pair, or of every
 * pair would write, computed by the same merge as a real sync, with nothing written.
 */
import type { IncidentSync } from '../incidentSync.ts';
import type { PairRegistry } from '../pairRegistry.ts';
import type { Store } from '../../store/store.ts';
import type { SyncOutcome } from '../syncOutcome.ts';
import type { SyncTarget } from './syncJobPayload.ts';

export interface PlanScope {
  target?: SyncTarget;
  pairName?: string;
}

export interface PlanReport {
  plans: SyncOutcome[];
  planned: number;
  failures: Array<{ linkId: string; error: string }>;
}

const PLAN_CONCURRENCY = 4;

export async function planSyncs(
  sync: IncidentSync,
  store: Store,
  pairs: PairRegistry,
  scope: PlanScope,
): Promise<PlanReport> {
  if (scope.target) {
    const outcome = await sync.run(scope.target, { trigger: 'plan', dryRun: true });
    return { plans: wouldWrite(outcome) ? [outcome] : [], planned: 1, failures: [] };
  }

  const names = pairs
    .all()
    .map((pair) => pair.config.name)
    .filter((name) => !scope.pairName || name === scope.pairName);
  const links = (await Promise.all(names.map((name) => store.listLinks(name))))
    .flat()
    .filter((link) => link.state === 'linked');

  const report: PlanReport = { plans: [], planned: 0, failures: [] };
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < links.length) {
      const link = links[next++];
      if (!link) return;
      try {
        const outcome = await sync.run(
          { side: 'sentinel', incidentArmId: link.sentinelIncidentArmId },
          { trigger: 'plan', dryRun: true },
        );
        report.planned += 1;
        if (wouldWrite(outcome)) report.plans.push(outcome);
      } catch (error) {
        report.failures.push({
          linkId: link.id,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
  };
  await Promise.all(Array.from({ length: PLAN_CONCURRENCY }, lane));
  return report;
}

function wouldWrite(outcome: SyncOutcome): boolean {
  return outcome.sentinel.changes.length > 0 || outcome.defender.changes.length > 0;
}

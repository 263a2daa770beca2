import type { SyncOutcome } from '../../src/sync/syncOutcome.ts';
import type { SyncResult } from '../contractTypes.ts';

/** The contract shape of a sync outcome: every field present. */
export function toSyncResult(outcome: SyncOutcome): SyncResult {
  return {
    outcome: outcome.outcome,
    pairName: outcome.pairName,
    linkId: outcome.link?.id ?? '',
    sentinelIncidentArmId: outcome.sentinelIncidentArmId,
    defenderTenantId: outcome.defenderTenantId,
    defenderIncidentId: outcome.defenderIncidentId,
    sentinel: outcome.sentinel,
    defender: outcome.defender,
    decisions: outcome.decisions,
    notes: outcome.notes,
    attempts: outcome.attempts,
    auditId: outcome.auditId,
  };
}

import { createHash, randomUUID } from 'node:crypto';
import type { components } from '../../openapi/generated/types.ts';
import type { SyncTarget } from '../../src/sync/engine/syncJobPayload.ts';
import { normalizeIncidentUpdate } from '../../src/sync/updates/normalizeIncidentUpdate.ts';
import type { IncidentUpdate } from '../../src/sync/updates/incidentUpdate.ts';
import type { AppServices } from '../appServices.ts';
import { ProblemError } from '../problems/problemError.ts';
import type { Handler } from './handler.ts';
import { toSyncResult } from './syncResult.ts';

type IncidentUpdateRequest = components['schemas']['IncidentUpdateRequest'];

const OPERATION = 'PostIncidentUpdate';

/**
 * An API consumer's update: checked and normalised before anything is written, then applied
 * and synced through the pair's job. An Idempotency-Key makes a repeat answer from the first.
 */
export const postIncidentUpdate: Handler = async (req, res, services) => {
  const body = req.body as IncidentUpdateRequest;
  const target = targetOf(body);
  const pair = services.sync.links.pairFor(target);
  await services.sync.links.assertExists(target);
  const key = (res.locals['headers'] as Record<string, string | undefined>)['idempotency-key'];
  // Checked before the key is claimed: a refused update leaves nothing behind, not even a key.
  const update = await checkedUpdate(body, target, key ?? randomUUID(), services, pair);

  if (key) {
    const claim = await services.store.claimIdempotencyKey(key, OPERATION, hashOf(body));
    if (claim.kind === 'mismatch') {
      throw new ProblemError(
        'idempotency_key_reused',
        'This Idempotency-Key was used with a different body.',
      );
    }
    if (claim.kind === 'inProgress') {
      throw new ProblemError(
        'idempotency_in_progress',
        'The first request with this key has not finished.',
      );
    }
    if (claim.kind === 'answered') {
      res.set('Idempotent-Replayed', 'true').status(claim.status).json(claim.body);
      return;
    }
  }

  try {
    const waited = await services.engine.jobs.enqueueAndWait(
      {
        target,
        reason: `api:${OPERATION}`,
        priority: update.status === 'Closed' ? 'closure' : 'status',
        updates: [update],
      },
      services.syncWaitMs,
    );
    const answer =
      waited.kind === 'done'
        ? { status: 200, body: toSyncResult(waited.outcome) }
        : {
            status: 202,
            body: { jobId: waited.job.id, state: 'queued' as const, runAfter: waited.job.runAfter },
          };
    if (key) await services.store.answerIdempotencyKey(key, OPERATION, answer.status, answer.body);
    res.status(answer.status).json(answer.body);
  } catch (error) {
    // The job never ran to an answer; free the key so the caller may retry with it.
    if (key) await services.store.releaseIdempotencyKey(key, OPERATION);
    throw error;
  }
};

function targetOf(body: IncidentUpdateRequest): SyncTarget {
  const bySentinel = body.sentinelIncidentArmId !== undefined;
  const byDefender = body.defenderIncidentId !== undefined || body.defenderTenantId !== undefined;
  if (
    bySentinel === byDefender ||
    (byDefender && (!body.defenderIncidentId || !body.defenderTenantId))
  ) {
    throw new ProblemError(
      'target_required',
      'Name the incident by its Sentinel ARM id, or by Defender tenant and id.',
      [
        {
          field: 'body',
          message: 'give sentinelIncidentArmId, or defenderTenantId with defenderIncidentId',
          acceptedValues: ['sentinelIncidentArmId', 'defenderTenantId', 'defenderIncidentId'],
        },
      ],
    );
  }
  return bySentinel
    ? { side: 'sentinel', incidentArmId: body.sentinelIncidentArmId ?? '' }
    : {
        side: 'defender',
        tenantId: body.defenderTenantId ?? '',
        incidentId: body.defenderIncidentId ?? '',
      };
}

async function checkedUpdate(
  body: IncidentUpdateRequest,
  target: SyncTarget,
  id: string,
  services: AppServices,
  pair: ReturnType<AppServices['sync']['links']['pairFor']>,
): Promise<IncidentUpdate> {
  const normalized = normalizeIncidentUpdate(body, {
    id,
    receivedAt: new Date().toISOString(),
    side: target.side,
    aliases: services.config.updates.closureAliases,
    falsePositiveRule: pair.policy.falsePositiveReason,
  });
  if (!normalized.ok) {
    throw new ProblemError(
      'update_invalid',
      'The update cannot be applied as given.',
      normalized.problems,
    );
  }

  const { owner } = normalized.update;
  if (target.side === 'sentinel' && owner && !(await pair.owners.resolve(owner))) {
    throw new ProblemError('update_invalid', 'The owner is not a user of the Sentinel tenant.', [
      { field: 'body.owner', message: 'not found in the directory', acceptedValues: [] },
    ]);
  }
  return normalized.update;
}

/** The same update sent twice hashes the same whatever the key order. */
function hashOf(body: IncidentUpdateRequest): string {
  const sorted = JSON.stringify(body, Object.keys(body).sort());
  return createHash('sha256').update(sorted).digest('hex');
}

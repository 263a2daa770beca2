/**
 * Runs one sync of a linked pair: read both sides, merge against the last synced state, write,
 * store the new state with an audit entry. A Sentinel 409 (someone wrote between our read and
 * our write) means read again and merge again, within a bound; nothing is lost because the
 * merge re-applies only what changed since the last sync.
 */
import { randomInt } from 'node:crypto';
import type { GraphIncident, GraphIncidentPatch } from '../model/graphIncident.ts';
import type { SentinelIncident } from '../model/sentinelIncident.ts';
import { readGraphIncident } from '../mapping/readGraphIncident.ts';
import { isResolvableAssignee, type ResolvedOwner } from '../mapping/ownerMapping.ts';
import { readSentinelIncident } from '../mapping/sentinelIncidentView.ts';
import { syncableLabelNames } from '../mapping/labelMapping.ts';
import type { DeterminationMemory } from '../mapping/classificationTable.ts';
import type { LinkRecord } from '../store/linkRecord.ts';
import type { Store } from '../store/store.ts';
import type { Logger } from '../logging/logger.ts';
import { ownerMatches } from './core/detectFieldChanges.ts';
import { mergeIncidentPair } from './core/mergeIncidentPair.ts';
import type { PairState } from './core/pairState.ts';
import {
  readDefenderSnapshot,
  readSentinelSnapshot,
  snapshotOfDefender,
  snapshotOfSentinel,
  SNAPSHOT_VERSION,
  type DefenderSnapshot,
  type SentinelSnapshot,
} from './core/snapshots.ts';
import {
  applyLandedWrites,
  fieldsOfChanges,
  readPendingWrite,
  type PendingWrite,
} from './core/landedWrites.ts';
import type { SyncPlan } from './core/syncPlan.ts';
import type { PairRuntime } from './pairRegistry.ts';
import { SyncError } from './syncErrors.ts';
import type { SyncOutcome } from './syncOutcome.ts';

export interface SyncLinkedPairOptions {
  store: Store;
  logger: Logger;
  trigger: string;
  /** Plan only: read and merge, write nothing, store nothing but the audit entry. */
  dryRun?: boolean;
  /** Bound on read-merge-write rounds after Sentinel etag conflicts. */
  maxAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
  /** First reads, when the caller already has them. */
  initial?: { sentinel?: SentinelIncident; defender?: GraphIncident };
}

const DEFAULT_MAX_ATTEMPTS = 4;

export interface LinkedPairSync {
  outcome: SyncOutcome;
  /**
   * Both sides as the sync left them: the copies whose versions it stored as synced. A change
   * made after them has a newer version, which the pollers will see.
   */
  after: { sentinel: SentinelIncident; defender: GraphIncident };
  /** Sentinel as the sync read it, before its own write: the base of its last round. */
  sentinelRead: SentinelIncident;
}

export async function syncLinkedPair(
  pair: PairRuntime,
  link: LinkRecord,
  options: SyncLinkedPairOptions,
): Promise<LinkedPairSync> {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const sleep = options.sleep ?? defaultSleep;
  const incidentId = sentinelIncidentName(link);
  let initial = options.initial ?? {};
  let pending = readPendingWrite(link.pendingWrite);

  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    const sentinelRaw = initial.sentinel ?? (await pair.sentinel.get(incidentId));
    const defenderRaw =
      initial.defender ?? (await pair.defender.getIncident(link.defenderIncidentId));
    initial = {};
    if (!sentinelRaw) throw missing('sentinel_incident_not_found', link.sentinelIncidentArmId);
    if (!defenderRaw) throw missing('defender_incident_not_found', link.defenderIncidentId);

    const state = await pairState(pair, link, sentinelRaw, defenderRaw, pending);
    const plan = mergeIncidentPair(state);
    const inputs = {
      defender: snapshotOfDefender(state.defender),
      sentinel: snapshotOfSentinel(state.sentinel),
    };
    if (options.dryRun) {
      const unchanged = { sentinel: sentinelRaw, defender: defenderRaw };
      const outcome = await finish(options, pair, link, {
        plan,
        inputs,
        attempts: attempt,
        after: unchanged,
        dryRun: true,
      });
      return { outcome, after: unchanged, sentinelRead: sentinelRaw };
    }

    if (plan.sentinelWrite || plan.defenderWrite) {
      pending = pendingWriteOf(plan, sentinelRaw, defenderRaw, firstSyncBaseOf(link, state));
      await options.store.setPendingWrite(link.id, pending);
    }
    const sentinelResult = plan.sentinelWrite
      ? await pair.sentinel.put(
          incidentId,
          plan.sentinelWrite.properties,
          state.sentinel.etag || undefined,
        )
      : undefined;
    if (sentinelResult?.kind === 'conflict') {
      options.logger.info({ linkId: link.id, attempt }, 'sentinel etag conflict; reading again');
      await sleep(backoffMs(attempt));
      continue;
    }
    if (sentinelResult?.kind === 'rejected') {
      throw new SyncError(
        'sentinel_write_rejected',
        'Sentinel refused the update',
        { remoteCode: sentinelResult.remoteCode, remoteMessage: sentinelResult.message },
        { sentinel: plan.sentinelWrite?.properties, defender: plan.defenderWrite?.patch },
      );
    }

    // Graph takes no etag: the write goes only if Defender still is as read, so a change made
    // since our read is merged on the next round instead of overwritten.
    const guarded = plan.defenderWrite
      ? await pair.defender.patchIncidentIfUnchanged(
          link.defenderIncidentId,
          plan.defenderWrite.patch,
          defenderRaw.lastUpdateDateTime,
        )
      : undefined;
    if (guarded?.kind === 'moved') {
      options.logger.info(
        { linkId: link.id, attempt },
        'defender changed since read; merging again',
      );
      continue;
    }
    if (guarded?.kind === 'missing') {
      throw missing('defender_incident_not_found', link.defenderIncidentId);
    }
    const defenderWritten = guarded?.kind === 'written' ? guarded.incident : undefined;

    const after = {
      sentinel: sentinelResult?.kind === 'written' ? sentinelResult.incident : sentinelRaw,
      defender: defenderWritten
        ? defenderAfterPatch(defenderRaw, plan.defenderWrite?.patch ?? {}, defenderWritten)
        : defenderRaw,
    };
    const round = { plan, inputs, attempts: attempt, after, dryRun: false };
    return { outcome: await finish(options, pair, link, round), after, sentinelRead: sentinelRaw };
  }

  await options.store.appendAudit({
    linkId: link.id,
    pairName: pair.config.name,
    trigger: options.trigger,
    outcome: 'conflict',
    detail: { attempts: maxAttempts },
  });
  throw new SyncError('sync_conflict_persistent', 'Sentinel kept answering 409 Conflict', {
    incidentArmId: link.sentinelIncidentArmId,
    attempts: String(maxAttempts),
  });
}

async function pairState(
  pair: PairRuntime,
  link: LinkRecord,
  sentinelRaw: SentinelIncident,
  defenderRaw: GraphIncident,
  pending: PendingWrite | undefined,
): Promise<PairState> {
  const defender = readGraphIncident(defenderRaw).incident;
  const sentinel = readSentinelIncident(sentinelRaw).incident;
  const state: PairState = {
    defender,
    sentinel,
    sentinelProperties: sentinelRaw.properties,
    baseDefender: readDefenderSnapshot(link.defenderSnapshot),
    baseSentinel: readSentinelSnapshot(link.sentinelSnapshot),
    memory: link.determinationMemory as DeterminationMemory,
    policy: pair.policy,
    defenderOwner: await resolveOwnerIfNeeded(pair, defender.assignedTo, sentinel.owner),
  };
  return applyLandedWrites(state, pending);
}

/**
 * What to remember of Defender after our PATCH. Graph has no etag, so someone may change the
 * incident between our read and our write, and the PATCH answer then shows their change too.
 * Remembering that answer would make their change look synced. When the answer differs from
 * what we read plus what we wrote, remember the latter (with the old version, so the pollers
 * look again) and let the next sync see their change as one.
 */
function defenderAfterPatch(
  read: GraphIncident,
  patch: GraphIncidentPatch,
  answer: GraphIncident,
): GraphIncident {
  const expected = snapshotOfDefender(readGraphIncident({ ...read, ...patch }).incident);
  const actual = snapshotOfDefender(readGraphIncident(answer).incident);
  const same =
    JSON.stringify({ ...expected, lastUpdateDateTime: '' }) ===
    JSON.stringify({ ...actual, lastUpdateDateTime: '' });
  return same ? answer : { ...read, ...patch };
}

/** The state both sides are left in if the planned writes land. */
/**
 * On a first sync, the state the merge ran against when an earlier write was found landed:
 * if this write does not land either, the next sync needs it, as nothing else records it.
 */
function firstSyncBaseOf(link: LinkRecord, state: PairState): PendingWrite['firstSyncBase'] {
  const stored =
    readDefenderSnapshot(link.defenderSnapshot) && readSentinelSnapshot(link.sentinelSnapshot);
  if (stored || !state.baseDefender || !state.baseSentinel) return undefined;
  return { defender: state.baseDefender, sentinel: state.baseSentinel };
}

function pendingWriteOf(
  plan: SyncPlan,
  sentinelRaw: SentinelIncident,
  defenderRaw: GraphIncident,
  firstSyncBase: PendingWrite['firstSyncBase'],
): PendingWrite {
  const sentinelAfter = plan.sentinelWrite
    ? { ...sentinelRaw, properties: plan.sentinelWrite.properties }
    : sentinelRaw;
  const defenderAfter = plan.defenderWrite
    ? { ...defenderRaw, ...plan.defenderWrite.patch }
    : defenderRaw;
  return {
    v: SNAPSHOT_VERSION,
    sentinelAfter: snapshotOfSentinel(readSentinelIncident(sentinelAfter).incident),
    defenderAfter: snapshotOfDefender(readGraphIncident(defenderAfter).incident),
    sentinelFields: fieldsOfChanges(plan.sentinelWrite?.changes ?? []),
    defenderFields: fieldsOfChanges(plan.defenderWrite?.changes ?? []),
    tagsRead: {
      defender: readGraphIncident(defenderRaw).incident.customTags,
      sentinel: syncableLabelNames(readSentinelIncident(sentinelRaw).incident.labels),
    },
    ...(firstSyncBase ? { firstSyncBase } : {}),
  };
}

/** Looks the assignee up only when it could be written to Sentinel: a person who differs. */
async function resolveOwnerIfNeeded(
  pair: PairRuntime,
  assignedTo: string | null,
  sentinelOwner: PairState['sentinel']['owner'],
): Promise<ResolvedOwner | null | undefined> {
  if (!assignedTo || !isResolvableAssignee(assignedTo) || ownerMatches(assignedTo, sentinelOwner)) {
    return undefined;
  }
  return pair.owners.resolve(assignedTo);
}

/**
 * Stores the state both sides were left in (what we wrote, or what we read where we wrote
 * nothing) together with the audit entry, and shapes the outcome.
 */
interface FinishedRound {
  plan: SyncPlan;
  inputs: { defender: DefenderSnapshot; sentinel: SentinelSnapshot };
  attempts: number;
  after: { sentinel: SentinelIncident; defender: GraphIncident };
  dryRun: boolean;
}

async function finish(
  options: SyncLinkedPairOptions,
  pair: PairRuntime,
  link: LinkRecord,
  round: FinishedRound,
): Promise<SyncOutcome> {
  const { plan, attempts, after, dryRun } = round;
  const sentinelWritten = !dryRun && plan.sentinelWrite !== undefined;
  const defenderWritten = !dryRun && plan.defenderWrite !== undefined;
  const outcome = dryRun ? 'planned' : sentinelWritten || defenderWritten ? 'written' : 'unchanged';
  const sentinelAfter = readSentinelIncident(after.sentinel).incident;
  const defenderAfter = readGraphIncident(after.defender).incident;

  const record = await options.store.transaction(async (store) => {
    const saved = dryRun
      ? link
      : await store.saveSyncedState(link.id, link.revision, {
          defenderSnapshot: snapshotOfDefender(defenderAfter),
          sentinelSnapshot: snapshotOfSentinel(sentinelAfter),
          determinationMemory: plan.memory as Record<string, string>,
          sentinelIncidentNumber: sentinelAfter.incidentNumber,
          syncedAt: new Date().toISOString(),
        });
    const audit = await store.appendAudit({
      linkId: link.id,
      pairName: pair.config.name,
      trigger: options.trigger,
      outcome,
      detail: {
        inputs: round.inputs,
        decisions: plan.decisions,
        writes: {
          sentinel: plan.sentinelWrite?.changes ?? [],
          defender: plan.defenderWrite?.patch ?? null,
        },
        notes: plan.notes,
        attempts,
      },
    });
    return { saved, auditId: audit.id };
  });

  return {
    outcome,
    pairName: pair.config.name,
    link: record.saved,
    sentinelIncidentArmId: link.sentinelIncidentArmId,
    defenderTenantId: link.defenderTenantId,
    defenderIncidentId: link.defenderIncidentId,
    sentinel: { written: sentinelWritten, changes: plan.sentinelWrite?.changes ?? [] },
    defender: { written: defenderWritten, changes: plan.defenderWrite?.changes ?? [] },
    decisions: plan.decisions,
    notes: plan.notes,
    attempts,
    auditId: record.auditId,
  };
}

function sentinelIncidentName(link: LinkRecord): string {
  return link.sentinelIncidentArmId.split('/').pop() ?? '';
}

function missing(
  code: 'sentinel_incident_not_found' | 'defender_incident_not_found',
  id: string,
): SyncError {
  return new SyncError(
    code,
    code === 'sentinel_incident_not_found'
      ? 'Sentinel incident not found'
      : 'Defender incident not found',
    { id },
  );
}

/** Jittered, growing pause before re-reading after a conflict. */
function backoffMs(attempt: number): number {
  const ceiling = Math.min(2000, 100 * 2 ** attempt);
  return randomInt(ceiling / 2, ceiling);
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The front door of the job queue: queue a sync for an incident addressed from either side,
 * merged with any job already waiting for the same pair, and optionally wait for its outcome.
 * Jobs for a linked pair share one subject whichever side they were addressed from, so a
 * playbook run on the Sentinel side and a poll on the Defender side never race each other.
 */
import {
  CALL_PRIORITIES,
  priorityRank,
  type CallPriority,
} from '../../clients/budgets/callPriority.ts';
import type { JobRecord } from '../../store/jobRecord.ts';
import type { CarriedCopies } from '../carriedCopies.ts';
import type { Store } from '../../store/store.ts';
import type { LinkResolver } from '../linkResolver.ts';
import type { SyncOutcome } from '../syncOutcome.ts';
import type { IncidentUpdate } from '../updates/incidentUpdate.ts';
import type { JobOutcomes } from './jobOutcomes.ts';
import { errorOfResult } from './jobResults.ts';
import {
  describeTarget,
  mergeSyncPayloads,
  type SyncJobPayload,
  type SyncTarget,
} from './syncJobPayload.ts';

export interface EnqueueSync {
  target: SyncTarget;
  reason: string;
  priority: CallPriority;
  updates?: IncidentUpdate[];
  /** When the change was first seen, if earlier than now (sync lag counts from it). */
  noticedAt?: string;
  /** The incident as a poller listed it, which may spare the sync a read. */
  copies?: CarriedCopies;
}

export type WaitedSync =
  { kind: 'done'; outcome: SyncOutcome; job: JobRecord } | { kind: 'queued'; job: JobRecord };

export class SyncJobs {
  private onEnqueued: () => void = () => undefined;

  constructor(
    private readonly store: Store,
    private readonly links: LinkResolver,
    private readonly outcomes: JobOutcomes,
  ) {}

  /** Called after every enqueue; the worker uses it to wake up. */
  notify(listener: () => void): void {
    this.onEnqueued = listener;
  }

  async enqueue(request: EnqueueSync): Promise<JobRecord> {
    const pair = this.links.pairFor(request.target);
    const link = await this.links.storedLink(request.target);
    const payload: SyncJobPayload = {
      target: request.target,
      reasons: [request.reason],
      updates: request.updates ?? [],
      ...(request.copies ? { copies: request.copies } : {}),
    };

    const job = await this.store.jobs.enqueue(
      {
        pairName: link?.pairName ?? pair.config.name,
        subjectKey: link ? `link:${link.id}` : describeTarget(request.target).toLowerCase(),
        priority: priorityRank(request.priority),
        payload,
        noticedAt: request.noticedAt,
      },
      mergeSyncPayloads,
    );
    this.onEnqueued();
    return job;
  }

  /** Queues and waits for the outcome, up to `timeoutMs`; after that the job goes on queued. */
  async enqueueAndWait(request: EnqueueSync, timeoutMs: number): Promise<WaitedSync> {
    const job = await this.enqueue(request);
    const watch = { stopped: false };
    try {
      const outcome = await Promise.race([
        this.outcomes.wait(job.id, timeoutMs),
        this.storedOutcome(job.id, Date.now() + timeoutMs, watch),
      ]);
      return outcome ? { kind: 'done', outcome, job } : { kind: 'queued', job };
    } finally {
      watch.stopped = true;
    }
  }

  /**
   * Another replica may run the job; its outcome then reaches this one through the store.
   * Resolves undefined at the deadline or once the local wait has answered.
   */
  private async storedOutcome(
    jobId: string,
    deadline: number,
    watch: { stopped: boolean },
  ): Promise<SyncOutcome | undefined> {
    while (!watch.stopped && Date.now() < deadline) {
      await sleep(Math.min(STORED_OUTCOME_POLL_MS, Math.max(0, deadline - Date.now())));
      if (watch.stopped) return undefined;

      const job = await this.store.jobs.find(jobId);
      if (!job?.result || (job.status !== 'done' && job.status !== 'dead')) continue;
      if (job.result.ok) return job.result.outcome as SyncOutcome;
      throw errorOfResult(job.result);
    }
    return undefined;
  }
}

const STORED_OUTCOME_POLL_MS = 250;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function priorityOf(rank: number): CallPriority {
  return CALL_PRIORITIES[rank] ?? 'status';
}

/** A durable unit of sync work, as the store keeps it. The payload belongs to the sync. */

export type JobStatus = 'queued' | 'running' | 'done' | 'dead';

export interface JobRecord {
  id: string;
  pairName: string;
  subjectKey: string;
  priority: number;
  status: JobStatus;
  payload: unknown;
  attempts: number;
  runAfter: string;
  noticedAt: string;
  createdAt: string;
  updatedAt: string;
  leaseOwner: string | null;
  leaseUntil: string | null;
  lastError: string | null;
  plannedWrite: unknown;
  /** A finished job's outcome (done) or final error (dead, or done without a sync). */
  result: JobResult | null;
  finishedAt: string | null;
}

export type JobResult =
  | { ok: true; outcome: unknown }
  | { ok: false; error: { code: string; message: string; [more: string]: unknown } };

export interface NewJob {
  pairName: string;
  subjectKey: string;
  priority: number;
  payload: unknown;
  noticedAt?: string;
}

/** Combines a queued job's payload with a new one for the same subject. */
export type PayloadMerge = (queued: unknown, incoming: unknown) => unknown;

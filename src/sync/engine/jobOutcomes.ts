/**
 * Lets a caller wait for the job that carries its request, in this process: the API answers a
 * sync request with the outcome of the job run, and when several requests merged into one job
 * they all receive that one outcome. Outcomes are kept for a short while, so a caller that
 * starts waiting just after a fast job finished still gets its answer.
 */
import type { SyncOutcome } from '../syncOutcome.ts';

type Settled = { ok: true; outcome: SyncOutcome } | { ok: false; error: unknown };
type Settle = (settled: Settled) => void;

const KEEP_SETTLED_MS = 60_000;

export class JobOutcomes {
  private readonly waiting = new Map<string, Settle[]>();
  private readonly settled = new Map<string, { result: Settled; expiresAt: number }>();

  wait(jobId: string, timeoutMs: number): Promise<SyncOutcome | undefined> {
    const known = this.settled.get(jobId);
    if (known && known.expiresAt > Date.now()) return unwrap(known.result);

    return new Promise((resolve, reject) => {
      const settle: Settle = (result) => {
        clearTimeout(timer);
        if (result.ok) resolve(result.outcome);
        else reject(result.error);
      };
      const timer = setTimeout(() => {
        this.remove(jobId, settle);
        resolve(undefined);
      }, timeoutMs);
      this.waiting.set(jobId, [...(this.waiting.get(jobId) ?? []), settle]);
    });
  }

  succeeded(jobId: string, outcome: SyncOutcome): void {
    this.settle(jobId, { ok: true, outcome });
  }

  /** Only a final failure settles waiters; a scheduled retry keeps them waiting. */
  failed(jobId: string, error: unknown): void {
    this.settle(jobId, { ok: false, error });
  }

  private settle(jobId: string, result: Settled): void {
    this.forgetExpired();
    this.settled.set(jobId, { result, expiresAt: Date.now() + KEEP_SETTLED_MS });
    const settles = this.waiting.get(jobId) ?? [];
    this.waiting.delete(jobId);
    for (const settle of settles) settle(result);
  }

  private forgetExpired(): void {
    const now = Date.now();
    for (const [jobId, entry] of this.settled) {
      if (entry.expiresAt > now) break;
      this.settled.delete(jobId);
    }
  }

  private remove(jobId: string, settle: Settle): void {
    const rest = (this.waiting.get(jobId) ?? []).filter((candidate) => candidate !== settle);
    if (rest.length > 0) this.waiting.set(jobId, rest);
    else this.waiting.delete(jobId);
  }
}

function unwrap(result: Settled): Promise<SyncOutcome> {
  return result.ok ? Promise.resolve(result.outcome) : Promise.reject(result.error);
}

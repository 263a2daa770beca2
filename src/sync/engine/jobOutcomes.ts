/**
 * Lets a caller wait for the job that carries its request, in this process: the API answers a
 * sync request with the outcome of the job run, and when several requests merged into one job
 * they all receive that one outcome.
 */
import type { SyncOutcome } from '../syncOutcome.ts';

type Settle = { resolve: (outcome: SyncOutcome) => void; reject: (error: unknown) => void };

export class JobOutcomes {
  private readonly waiting = new Map<string, Settle[]>();

  wait(jobId: string, timeoutMs: number): Promise<SyncOutcome | undefined> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.remove(jobId, settle);
        resolve(undefined);
      }, timeoutMs);
      const settle: Settle = {
        resolve: (outcome) => {
          clearTimeout(timer);
          resolve(outcome);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.waiting.set(jobId, [...(this.waiting.get(jobId) ?? []), settle]);
    });
  }

  succeeded(jobId: string, outcome: SyncOutcome): void {
    for (const settle of this.take(jobId)) settle.resolve(outcome);
  }

  /** Only a final failure settles waiters; a scheduled retry keeps them waiting. */
  failed(jobId: string, error: unknown): void {
    for (const settle of this.take(jobId)) settle.reject(error);
  }

  private take(jobId: string): Settle[] {
    const settles = this.waiting.get(jobId) ?? [];
    this.waiting.delete(jobId);
    return settles;
  }

  private remove(jobId: string, settle: Settle): void {
    const rest = (this.waiting.get(jobId) ?? []).filter((candidate) => candidate !== settle);
    if (rest.length > 0) this.waiting.set(jobId, rest);
    else this.waiting.delete(jobId);
  }
}

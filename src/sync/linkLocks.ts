/**
 * One sync of a pair at a time across replicas. The job queue keeps a pair's jobs apart once
 * the pair is linked, but the first jobs for a pair are queued per side (the link does not
 * exist yet), and two replicas could then sync the same pair at once and undo each other's
 * writes. So the sync itself takes a short lease on the link, renewed while it runs; a lease
 * left by a replica that died expires after `leaseMs`.
 */
import { randomUUID } from 'node:crypto';
import type { LeaseStore } from '../store/leaseStore.ts';

export class LinkBusyError extends Error {
  readonly code = 'link_busy';
}

export interface LinkLocksOptions {
  leases: LeaseStore;
  leaseMs: number;
  /** How long to wait for another replica's sync of the pair before giving up (retryable). */
  waitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const DEFAULT_WAIT_MS = 20_000;
const RETRY_EVERY_MS = 150;

export class LinkLocks {
  private readonly owner = `sync-${randomUUID()}`;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: LinkLocksOptions) {
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Runs `work` holding the link's lease; the caller already serialises within the process. */
  async around<T>(linkId: string, work: () => Promise<T>): Promise<T> {
    const name = `sync:${linkId}`;
    await this.take(name);

    const renewal = setInterval(() => {
      void this.options.leases.acquire(name, this.owner, this.options.leaseMs).catch(() => false);
    }, this.options.leaseMs / 3);
    renewal.unref();
    try {
      return await work();
    } finally {
      clearInterval(renewal);
      await this.options.leases.release(name, this.owner).catch(() => undefined);
    }
  }

  private async take(name: string): Promise<void> {
    const giveUpAt = Date.now() + (this.options.waitMs ?? DEFAULT_WAIT_MS);
    while (!(await this.options.leases.acquire(name, this.owner, this.options.leaseMs))) {
      if (Date.now() >= giveUpAt) {
        throw new LinkBusyError(`Another replica is still syncing ${name.slice(5)}`);
      }
      await this.sleep(RETRY_EVERY_MS + Math.random() * RETRY_EVERY_MS);
    }
  }
}

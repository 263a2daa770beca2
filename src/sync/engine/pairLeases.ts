/**
 * Which replica polls which pair. Each pair's pollers and reconcile sweep run in one replica at
 * a time, the holder of the pair's lease. Every replica renews a lease of its own as a sign of
 * life, and takes at most its fair share of pairs (pairs divided by live replicas, rounded up),
 * so the pairs spread out as replicas join and move to the survivors when one dies: its leases
 * simply expire.
 */
import type { Logger } from '../../logging/logger.ts';
import type { LeaseStore } from '../../store/leaseStore.ts';

export interface PairLeasesOptions {
  leases: LeaseStore;
  replicaId: string;
  pairNames: string[];
  leaseMs: number;
  logger: Logger;
  now?: () => number;
}

const REPLICA_PREFIX = 'replica:';
const PAIR_PREFIX = 'pair:';

export class PairLeases {
  /** Pair name to the local time until which this replica may treat the lease as its own. */
  private readonly heldUntil = new Map<string, number>();
  private readonly now: () => number;

  constructor(private readonly options: PairLeasesOptions) {
    this.now = options.now ?? Date.now;
  }

  /** True while this replica holds the pair's lease with time to spare. */
  holds(pairName: string): boolean {
    return (this.heldUntil.get(pairName) ?? 0) > this.now();
  }

  held(): string[] {
    return [...this.heldUntil.keys()].filter((name) => this.holds(name));
  }

  /** Renews what this replica holds, takes free pairs up to its share, gives up any extra. */
  async renew(): Promise<void> {
    const { leases, replicaId, leaseMs } = this.options;
    const startedAt = this.now();
    // A lease counts as ours until a third of its length before it expires in the database,
    // which leaves room for clock skew between replicas and for a slow renewal.
    const safeUntil = startedAt + (leaseMs * 2) / 3;

    await leases.acquire(`${REPLICA_PREFIX}${replicaId}`, replicaId, leaseMs);
    const replicas = Math.max(1, (await leases.live(REPLICA_PREFIX)).length);
    const share = Math.ceil(this.options.pairNames.length / replicas);

    const mineFirst = [...this.options.pairNames].sort(
      (a, b) => Number(this.heldUntil.has(b)) - Number(this.heldUntil.has(a)),
    );
    let taken = 0;
    for (const pairName of mineFirst) {
      const name = `${PAIR_PREFIX}${pairName}`;
      if (taken >= share) {
        if (this.heldUntil.delete(pairName)) await leases.release(name, replicaId);
        continue;
      }

      const had = this.heldUntil.has(pairName);
      if (await leases.acquire(name, replicaId, leaseMs)) {
        taken += 1;
        this.heldUntil.set(pairName, safeUntil);
        if (!had) this.options.logger.info({ pair: pairName, replicaId }, 'pair lease taken');
      } else if (had) {
        this.heldUntil.delete(pairName);
        this.options.logger.warn({ pair: pairName, replicaId }, 'pair lease lost');
      }
    }
  }

  /** Gives every lease back, so the other replicas take the pairs over at once. */
  async releaseAll(): Promise<void> {
    this.heldUntil.clear();
    await this.options.leases.releaseAll(this.options.replicaId);
  }
}

/**
 * Token budgets per tenant and kind of call, shared by everything in the process that calls
 * Microsoft: pollers, sync jobs, API-triggered syncs. Counting is done by rate-limiter-flexible
 * (its memory backend here; its SQL backends can share budgets between replicas). On top of
 * it sits a priority queue: when a budget is empty, the most urgent waiter gets the next token.
 *
 * Each window is paced as a small burst refilled at the sustained rate, so no sliding window
 * of the quota's length ever sees more calls than the quota allows.
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import {
  BURST_SHARE,
  DEFAULT_BUDGET_SPECS,
  type BudgetKind,
  type BudgetSpecs,
  type BudgetWindow,
} from './budgetSpecs.ts';
import { priorityRank, type CallPriority } from './callPriority.ts';

interface Waiter {
  rank: number;
  sequence: number;
  resolve: () => void;
}

interface Budget {
  limiters: RateLimiterMemory[];
  waiters: Waiter[];
  pumping: boolean;
  blockedUntil: number;
  granted: number;
  waitedMs: number;
  throttledCount: number;
}

export interface BudgetHeadroom {
  key: string;
  granted: number;
  waiting: number;
  throttledCount: number;
  waitedMs: number;
  blockedForMs: number;
}

export interface ApiBudgetsOptions {
  specs?: Partial<BudgetSpecs>;
  now?: () => number;
}

export class ApiBudgets {
  private readonly specs: BudgetSpecs;
  private readonly budgets = new Map<string, Budget>();
  private readonly now: () => number;
  private sequence = 0;

  constructor(options: ApiBudgetsOptions = {}) {
    this.specs = { ...DEFAULT_BUDGET_SPECS, ...options.specs };
    this.now = options.now ?? Date.now;
  }

  /** Resolves when a call of this kind for this tenant may go out. */
  acquire(tenantId: string, kind: BudgetKind, priority: CallPriority): Promise<void> {
    const budget = this.budget(tenantId, kind);
    const started = this.now();
    return new Promise<void>((resolve) => {
      budget.waiters.push({
        rank: priorityRank(priority),
        sequence: this.sequence++,
        resolve: () => {
          budget.waitedMs += this.now() - started;
          resolve();
        },
      });
      budget.waiters.sort((a, b) => a.rank - b.rank || a.sequence - b.sequence);
      void this.pump(budget);
    });
  }

  /** The service said 429: hold every call of this kind until it says we may retry. */
  throttled(tenantId: string, kind: BudgetKind, retryAfterMs: number): void {
    const budget = this.budget(tenantId, kind);
    budget.throttledCount += 1;
    budget.blockedUntil = Math.max(budget.blockedUntil, this.now() + retryAfterMs);
  }

  headroom(): BudgetHeadroom[] {
    return [...this.budgets.entries()].map(([key, budget]) => ({
      key,
      granted: budget.granted,
      waiting: budget.waiters.length,
      throttledCount: budget.throttledCount,
      waitedMs: budget.waitedMs,
      blockedForMs: Math.max(0, budget.blockedUntil - this.now()),
    }));
  }

  private budget(tenantId: string, kind: BudgetKind): Budget {
    const key = `${tenantId.toLowerCase()}:${kind}`;
    let budget = this.budgets.get(key);
    if (!budget) {
      budget = {
        limiters: this.specs[kind].map((window, index) => pacedLimiter(`${key}:${index}`, window)),
        waiters: [],
        pumping: false,
        blockedUntil: 0,
        granted: 0,
        waitedMs: 0,
        throttledCount: 0,
      };
      this.budgets.set(key, budget);
    }
    return budget;
  }

  /** Hands out tokens to waiters in priority order; one pump per budget at a time. */
  private async pump(budget: Budget): Promise<void> {
    if (budget.pumping) return;
    budget.pumping = true;
    try {
      while (budget.waiters.length > 0) {
        const blockedForMs = budget.blockedUntil - this.now();
        if (blockedForMs > 0) {
          await sleep(blockedForMs);
          continue;
        }

        const waitMs = await takeToken(budget.limiters);
        if (waitMs > 0) {
          await sleep(waitMs);
          continue;
        }
        budget.granted += 1;
        budget.waiters.shift()?.resolve();
      }
    } finally {
      budget.pumping = false;
    }
  }
}

function pacedLimiter(key: string, window: BudgetWindow): RateLimiterMemory {
  const burst = Math.max(1, Math.floor(window.points * BURST_SHARE));
  const sustained = Math.max(1, window.points - burst);
  const refillSeconds = (burst * window.windowMs) / sustained / 1000;
  return new RateLimiterMemory({ keyPrefix: key, points: burst, duration: refillSeconds });
}

/** Takes one token from every window, or says how long to wait; never takes a partial set. */
async function takeToken(limiters: RateLimiterMemory[]): Promise<number> {
  for (const limiter of limiters) {
    const state = await limiter.get('calls');
    if (state && state.remainingPoints <= 0) return Math.max(1, state.msBeforeNext);
  }
  for (const limiter of limiters) {
    try {
      await limiter.consume('calls', 1);
    } catch (error) {
      if (error instanceof RateLimiterRes) return Math.max(1, error.msBeforeNext);
      throw error;
    }
  }
  return 0;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Client-side budgets sized just under Microsoft's documented quotas (sync-semantics 1.6, 2,
 * 3.9): Graph security about 150 requests a minute per app per tenant; the legacy Defender API
 * 50 a minute and 1,500 an hour; Sentinel incident writes about 75 per 5 minutes, with
 * comments and reads budgeted likewise per 5 minutes.
 */

export type BudgetKind =
  'graph' | 'defenderLegacy' | 'sentinelRead' | 'sentinelWrite' | 'sentinelComment';

/** `points` calls per `windowMs`; a budget may have several windows, all of which must allow. */
export interface BudgetWindow {
  points: number;
  windowMs: number;
}

export type BudgetSpecs = Record<BudgetKind, BudgetWindow[]>;

export const DEFAULT_BUDGET_SPECS: BudgetSpecs = {
  graph: [{ points: 150, windowMs: 60_000 }],
  defenderLegacy: [
    { points: 50, windowMs: 60_000 },
    { points: 1_500, windowMs: 3_600_000 },
  ],
  sentinelRead: [{ points: 250, windowMs: 300_000 }],
  sentinelWrite: [{ points: 75, windowMs: 300_000 }],
  sentinelComment: [{ points: 75, windowMs: 300_000 }],
};

/** Share of each window that may go in a burst; the rest is paced evenly. */
export const BURST_SHARE = 0.05;

/**
 * Microsoft's quotas hold per app and tenant, however many replicas of incident-bridge call.
 * Each replica counts its own calls, so replicas that share a quota each take an equal part
 * of every window: together they stay within it, at the price of idle headroom when one of
 * them is down.
 */
import { DEFAULT_BUDGET_SPECS, type BudgetKind, type BudgetSpecs } from './budgetSpecs.ts';

export function budgetShare(overrides: Partial<BudgetSpecs>, replicas: number): BudgetSpecs {
  const share = {} as BudgetSpecs;
  for (const kind of Object.keys(DEFAULT_BUDGET_SPECS) as BudgetKind[]) {
    const windows = overrides[kind] ?? DEFAULT_BUDGET_SPECS[kind];
    share[kind] = windows.map((window) => ({
      points: Math.max(1, Math.floor(window.points / replicas)),
      windowMs: window.windowMs,
    }));
  }
  return share;
}

/**
 * Calls paid for in advance. Graph takes no etag, so a Defender write is guarded by reading
 * the incident just before patching it; a change made between the two is overwritten. Waiting
 * for a budget token between the read and the write would stretch that window to however long
 * the budget is short, so both tokens are taken first and the two calls then go out back to
 * back. The prepayment travels with the async context, like the call priority.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ApiBudgets } from './apiBudgets.ts';
import type { BudgetKind } from './budgetSpecs.ts';
import { currentCallPriority } from './callPriority.ts';

interface Prepaid {
  tenantId: string;
  kind: BudgetKind;
  remaining: number;
}

const storage = new AsyncLocalStorage<Prepaid>();

export async function withPrepaidCalls<T>(
  budgets: ApiBudgets,
  tenantId: string,
  kind: BudgetKind,
  count: number,
  work: () => Promise<T>,
): Promise<T> {
  for (let paid = 0; paid < count; paid += 1) {
    await budgets.acquire(tenantId, kind, currentCallPriority());
  }
  return storage.run({ tenantId, kind, remaining: count }, work);
}

/** Spends one prepaid call of this kind, if the current context holds one. */
export function takePrepaidCall(tenantId: string, kind: BudgetKind): boolean {
  const prepaid = storage.getStore();
  if (!prepaid || prepaid.remaining <= 0) return false;
  if (prepaid.tenantId !== tenantId || prepaid.kind !== kind) return false;

  prepaid.remaining -= 1;
  return true;
}

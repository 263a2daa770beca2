import { describe, expect, it } from 'vitest';
import { ApiBudgets } from '../../../src/clients/budgets/apiBudgets.ts';
import { resetFromBody } from '../../../src/clients/budgets/budgetPolicy.ts';

describe('ApiBudgets', () => {
  it('never lets more calls through than the quota in any window of its length', async () => {
    const budgets = new ApiBudgets({ specs: { graph: [{ points: 10, windowMs: 300 }] } });
    const granted: number[] = [];

    await Promise.all(
      Array.from({ length: 25 }, () =>
        budgets.acquire('tenant', 'graph', 'status').then(() => granted.push(Date.now())),
      ),
    );

    for (const start of granted) {
      const inWindow = granted.filter((time) => time >= start && time < start + 300).length;
      expect(inWindow).toBeLessThanOrEqual(10);
    }
    expect(granted).toHaveLength(25);
  });

  it('serves the most urgent waiter first when the budget is empty', async () => {
    const budgets = new ApiBudgets({ specs: { sentinelWrite: [{ points: 2, windowMs: 200 }] } });
    await budgets.acquire('tenant', 'sentinelWrite', 'status');

    const order: string[] = [];
    const waiting = [
      budgets.acquire('tenant', 'sentinelWrite', 'reconcile').then(() => order.push('reconcile')),
      budgets.acquire('tenant', 'sentinelWrite', 'enrichment').then(() => order.push('enrichment')),
      budgets.acquire('tenant', 'sentinelWrite', 'closure').then(() => order.push('closure')),
    ];
    await Promise.all(waiting);

    expect(order).toEqual(['closure', 'enrichment', 'reconcile']);
  });

  it('keeps tenants apart', async () => {
    const budgets = new ApiBudgets({ specs: { graph: [{ points: 2, windowMs: 60_000 }] } });
    await budgets.acquire('customer-a', 'graph', 'status');
    await budgets.acquire('customer-b', 'graph', 'status');

    expect(budgets.headroom().map((entry) => [entry.key, entry.granted])).toEqual([
      ['customer-a:graph', 1],
      ['customer-b:graph', 1],
    ]);
  });

  it('holds calls after a 429 until the service said to retry', async () => {
    const budgets = new ApiBudgets({ specs: { graph: [{ points: 100, windowMs: 1000 }] } });
    budgets.throttled('tenant', 'graph', 150);
    const started = Date.now();

    await budgets.acquire('tenant', 'graph', 'closure');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(budgets.headroom()[0]?.throttledCount).toBe(1);
  });
});

describe('Defender 429 bodies', () => {
  it('read the reset time when there is no Retry-After (BR-35)', () => {
    expect(
      resetFromBody('{"error":{"message":"Rate limit is exceeded. Try again, reset in 00:00:42"}}'),
    ).toBe(42_000);
    expect(resetFromBody('{"error":{"message":"slow down"}}')).toBeUndefined();
  });
});

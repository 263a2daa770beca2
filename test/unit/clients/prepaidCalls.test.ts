import { createHttpHeaders, createPipelineRequest } from '@azure/core-rest-pipeline';
import { describe, expect, it } from 'vitest';
import { ApiBudgets } from '../../../src/clients/budgets/apiBudgets.ts';
import { budgetPolicy, classifyGraphRequest } from '../../../src/clients/budgets/budgetPolicy.ts';
import { withPrepaidCalls } from '../../../src/clients/budgets/prepaidCalls.ts';

function graphCall(policy: ReturnType<typeof budgetPolicy>) {
  const request = createPipelineRequest({ url: 'https://graph.example/v1.0/security/incidents/1' });
  return policy.sendRequest(request, async () => ({
    request,
    status: 200,
    headers: createHttpHeaders(),
  }));
}

const grantedFor = (budgets: ApiBudgets) =>
  budgets.headroom().find((entry) => entry.key === 'tenant:graph')?.granted ?? 0;

describe('prepaid calls', () => {
  it('send a guarded read and write back to back on tokens taken beforehand', async () => {
    const budgets = new ApiBudgets({ specs: { graph: [{ points: 100, windowMs: 60_000 }] } });
    const policy = budgetPolicy(budgets, 'tenant', classifyGraphRequest);

    let grantedInside = -1;
    await withPrepaidCalls(budgets, 'tenant', 'graph', 2, async () => {
      grantedInside = grantedFor(budgets);
      await graphCall(policy);
      await graphCall(policy);
    });
    expect(grantedInside).toBe(2);
    expect(grantedFor(budgets)).toBe(2);

    // A third call in the same context has no prepaid token left and pays for itself.
    await withPrepaidCalls(budgets, 'tenant', 'graph', 1, async () => {
      await graphCall(policy);
      await graphCall(policy);
    });
    expect(grantedFor(budgets)).toBe(4);
  });

  it('do not pay for another tenant', async () => {
    const budgets = new ApiBudgets();
    const otherTenant = budgetPolicy(budgets, 'other', classifyGraphRequest);
    await withPrepaidCalls(budgets, 'tenant', 'graph', 1, () => graphCall(otherTenant));

    expect(budgets.headroom().find((entry) => entry.key === 'other:graph')?.granted).toBe(1);
  });
});

/**
 * A pipeline policy that makes every call of a client wait for its budget, and feeds 429
 * answers back into the budget so the whole process pauses, not just the one request. It runs
 * per retry, so the SDK's own retries spend tokens too.
 */
import type { PipelinePolicy, PipelineRequest } from '@azure/core-rest-pipeline';
import { parseRetryAfterMs } from '../remoteCallError.ts';
import type { ApiBudgets } from './apiBudgets.ts';
import type { BudgetKind } from './budgetSpecs.ts';
import { currentCallPriority } from './callPriority.ts';
import { takePrepaidCall } from './prepaidCalls.ts';

export const BUDGET_POLICY_NAME = 'incidentBridgeBudget';

/** Without a Retry-After, Graph's throttling guidance is to back off for tens of seconds. */
const DEFAULT_THROTTLE_MS = 30_000;

export function budgetPolicy(
  budgets: ApiBudgets,
  tenantId: string,
  classify: (request: PipelineRequest) => BudgetKind,
): PipelinePolicy {
  return {
    name: BUDGET_POLICY_NAME,
    async sendRequest(request, next) {
      const kind = classify(request);
      if (!takePrepaidCall(tenantId, kind)) {
        await budgets.acquire(tenantId, kind, currentCallPriority());
      }

      const response = await next(request);
      if (response.status === 429) {
        const retryAfter =
          parseRetryAfterMs(response.headers.get('retry-after')) ??
          resetFromBody(response.bodyAsText);
        budgets.throttled(tenantId, kind, retryAfter ?? DEFAULT_THROTTLE_MS);
      }
      return response;
    },
  };
}

/**
 * Sentinel ARM calls: reads (including the POST list and query actions), incident writes,
 * comments.
 */
export function classifySentinelRequest(request: PipelineRequest): BudgetKind {
  const path = new URL(request.url).pathname.toLowerCase();
  if (request.method === 'GET' || /\/(alerts|entities|bookmarks|queryindicators)$/.test(path))
    return 'sentinelRead';
  if (path.includes('/comments/')) return 'sentinelComment';
  return 'sentinelWrite';
}

export function classifyGraphRequest(): BudgetKind {
  return 'graph';
}

/**
 * Defender's 429 bodies can say when the quota resets instead of sending Retry-After, e.g.
 * `... reset in 00:00:42` (BR-35).
 */
export function resetFromBody(body: string | null | undefined): number | undefined {
  const match = body ? /reset in (\d{1,2}):(\d{2}):(\d{2})/i.exec(body) : null;
  if (!match) return undefined;
  const [, hours, minutes, seconds] = match.map(Number);
  return (((hours ?? 0) * 60 + (minutes ?? 0)) * 60 + (seconds ?? 0)) * 1000;
}

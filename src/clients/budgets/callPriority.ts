/**
 * How urgent a remote call is. When a budget runs short, waiting calls are served in this
 * order: closing an incident first, then status, then comments, then enrichment, then the
 * background pollers and the reconcile sweep. The priority travels with the async context, so
 * a job sets it once and every call it makes through any client inherits it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export const CALL_PRIORITIES = [
  'closure',
  'status',
  'comment',
  'enrichment',
  'poll',
  'reconcile',
] as const;
export type CallPriority = (typeof CALL_PRIORITIES)[number];

const storage = new AsyncLocalStorage<CallPriority>();

export function withCallPriority<T>(priority: CallPriority, work: () => Promise<T>): Promise<T> {
  return storage.run(priority, work);
}

/** The priority of the current call; interactive API calls default to `status`. */
export function currentCallPriority(): CallPriority {
  return storage.getStore() ?? 'status';
}

export function priorityRank(priority: CallPriority): number {
  return CALL_PRIORITIES.indexOf(priority);
}

/**
 * How urgent a change a poller found is, judged against the pair's last synced state: an
 * incident that closed goes first, a status change next, anything else at poll priority.
 */
import type { CallPriority } from '../../clients/budgets/callPriority.ts';

export function changePriority(
  closedNow: boolean,
  closedBefore: boolean | undefined,
  statusChanged: boolean,
): CallPriority {
  if (closedNow && closedBefore === false) return 'closure';
  if (statusChanged) return 'status';
  return 'poll';
}

/**
 * Decides which side's value of one field should stand, under the pair's policy for that field.
 * Only a side whose value changed since the last sync can win; when both changed to different
 * values, the policy settles it, by time for `newest` (with a tolerance for clock skew).
 */
import type { FieldPolicy } from '../../config/config.ts';

export type Side = 'defender' | 'sentinel';

export interface FieldChange {
  defenderChanged: boolean;
  sentinelChanged: boolean;
  /** True when both sides already hold the same value, as mapped. */
  alreadyEqual: boolean;
}

export interface WinnerContext {
  policy: FieldPolicy;
  tieBreaker: Side;
  clockSkewToleranceMs: number;
  defenderUpdatedAt: string;
  sentinelUpdatedAt: string;
  /** No synced state yet: every difference counts as a change on both sides. */
  firstSync?: boolean;
}

export type WinnerDecision =
  | { winner: Side; conflict: boolean; reason: string }
  | { winner: 'none'; conflict: false; reason: string };

export function chooseWinner(change: FieldChange, context: WinnerContext): WinnerDecision {
  if (context.policy === 'off') return { winner: 'none', conflict: false, reason: 'policy off' };
  if (change.alreadyEqual) return { winner: 'none', conflict: false, reason: 'already equal' };

  const allowed = allowedSides(context.policy);
  const candidates = (['defender', 'sentinel'] as const).filter(
    (side) =>
      allowed.includes(side) &&
      (side === 'defender' ? change.defenderChanged : change.sentinelChanged),
  );

  if (candidates.length === 0) {
    const reason =
      change.defenderChanged || change.sentinelChanged
        ? 'change not carried by policy'
        : 'unchanged';
    return { winner: 'none', conflict: false, reason };
  }
  const [only] = candidates;
  if (candidates.length === 1 && only) {
    return { winner: only, conflict: false, reason: `${only} changed` };
  }

  const settled = settleConflict(context);
  return context.firstSync
    ? {
        winner: settled.winner,
        conflict: false,
        reason: `first sync; ${settled.reason.replace('both changed; ', '')}`,
      }
    : { ...settled, conflict: true };
}

function allowedSides(policy: FieldPolicy): Side[] {
  if (policy === 'defenderToSentinel') return ['defender'];
  if (policy === 'sentinelToDefender') return ['sentinel'];
  return ['defender', 'sentinel'];
}

function settleConflict(context: WinnerContext): { winner: Side; reason: string } {
  if (context.policy === 'defender' || context.policy === 'sentinel') {
    return { winner: context.policy, reason: `both changed; ${context.policy} wins by policy` };
  }

  const defenderAt = Date.parse(context.defenderUpdatedAt);
  const sentinelAt = Date.parse(context.sentinelUpdatedAt);
  if (Number.isNaN(defenderAt) || Number.isNaN(sentinelAt)) {
    return {
      winner: context.tieBreaker,
      reason: 'both changed; no comparable times, tie-breaker wins',
    };
  }
  if (Math.abs(defenderAt - sentinelAt) <= context.clockSkewToleranceMs) {
    return {
      winner: context.tieBreaker,
      reason: 'both changed within clock-skew tolerance; tie-breaker wins',
    };
  }
  return defenderAt > sentinelAt
    ? { winner: 'defender', reason: 'both changed; defender change is newer' }
    : { winner: 'sentinel', reason: 'both changed; sentinel change is newer' };
}

/**
 * Timestamps as Microsoft services print them: UTC, seven fractional digits (100 ns ticks),
 * `Z` suffix, e.g. `2024-06-21T01:06:41.7833333Z`. JavaScript dates stop at milliseconds, so
 * the emulator counts in ticks (bigint) to keep change cursors strictly increasing even when
 * two writes land in the same millisecond or the injected clock stands still.
 */

const TICKS_PER_MILLISECOND = 10_000n;
const TICKS_PER_SECOND = 10_000_000n;

const ISO_TIMESTAMP =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})?$/i;

/** True when the text has the shape of an ISO 8601 date-time, the form OData filters use. */
export function looksLikeTimestamp(text: string): boolean {
  return ISO_TIMESTAMP.test(text);
}

/** Ticks since the Unix epoch, or `undefined` when the text is not an ISO 8601 date-time. */
export function parseTimestamp(text: string): bigint | undefined {
  const match = ISO_TIMESTAMP.exec(text.trim());
  if (!match) return undefined;

  const [, wholeSeconds = '', fraction = '', zone = 'Z'] = match;
  const millis = Date.parse(`${wholeSeconds}${zone.toUpperCase()}`);
  if (Number.isNaN(millis)) return undefined;

  const fractionTicks = BigInt(fraction.padEnd(7, '0').slice(0, 7));
  return BigInt(millis) * TICKS_PER_MILLISECOND + fractionTicks;
}

export function ticksOfDate(date: Date): bigint {
  return BigInt(date.getTime()) * TICKS_PER_MILLISECOND;
}

/** Formats ticks as `YYYY-MM-DDTHH:mm:ss.fffffffZ`. */
export function formatTimestamp(ticks: bigint): string {
  const seconds = ticks / TICKS_PER_SECOND;
  const fraction = ticks % TICKS_PER_SECOND;
  const wholeSeconds = new Date(Number(seconds) * 1000).toISOString().slice(0, 19);
  return `${wholeSeconds}.${fraction.toString().padStart(7, '0')}Z`;
}

export function formatDate(date: Date): string {
  return formatTimestamp(ticksOfDate(date));
}

/**
 * The stamp for a write happening at `now` on a record last stamped `previous`: `now`, or one
 * tick after `previous` when the clock has not moved past it. Real services never hand out
 * the same change cursor twice, and pollers rely on that.
 */
export function stampAfter(now: Date, previous: string | null | undefined): string {
  const nowTicks = ticksOfDate(now);
  const previousTicks = previous ? parseTimestamp(previous) : undefined;

  if (previousTicks !== undefined && previousTicks >= nowTicks) {
    return formatTimestamp(previousTicks + 1n);
  }
  return formatTimestamp(nowTicks);
}

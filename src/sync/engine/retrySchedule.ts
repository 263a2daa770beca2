/**
 * When to try a failed job again: exponential back-off with full jitter, never sooner than
 * the service asked (Retry-After, or the reset time in a Defender 429 body), and a bounded
 * number of attempts before the job becomes a dead letter.
 */

export interface RetryScheduleOptions {
  baseDelayMs?: number;
  maxDelayMs?: number;
  maxAttempts?: number;
  random?: () => number;
}

export const DEFAULT_RETRY = {
  baseDelayMs: 2_000,
  maxDelayMs: 5 * 60_000,
  maxAttempts: 8,
} as const;

export class RetrySchedule {
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  readonly maxAttempts: number;
  private readonly random: () => number;

  constructor(options: RetryScheduleOptions = {}) {
    this.baseDelayMs = options.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs;
    this.maxDelayMs = options.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs;
    this.maxAttempts = options.maxAttempts ?? DEFAULT_RETRY.maxAttempts;
    this.random = options.random ?? Math.random;
  }

  /** The delay before attempt `attempts + 1`, or undefined when the attempts are spent. */
  delayMs(attempts: number, retryAfterMs?: number): number | undefined {
    if (attempts >= this.maxAttempts) return undefined;

    const ceiling = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** Math.max(0, attempts - 1));
    const jittered = ceiling / 2 + this.random() * (ceiling / 2);
    return Math.max(jittered, retryAfterMs ?? 0);
  }
}

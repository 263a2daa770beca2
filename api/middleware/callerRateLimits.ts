/**
 * Per-caller request budgets (rate-limiter-flexible, in memory): each authenticated caller
 * (token object id or API key id) gets `requestsPerMinute`, and each client address gets
 * `failedAuthPerMinute` refused credentials, after which its next refusals answer 429 so that
 * keys cannot be guessed at speed. A caller with a good credential is never slowed by others'
 * failures. Answers carry the draft-standard RateLimit headers.
 */
import type { Response } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { ApiLimitsConfig } from '../../src/config/config.ts';
import { ProblemError } from '../problems/problemError.ts';

export class CallerRateLimits {
  private readonly perCaller: RateLimiterMemory;
  private readonly failedAuth: RateLimiterMemory;

  constructor(private readonly limits: ApiLimitsConfig) {
    this.perCaller = new RateLimiterMemory({
      keyPrefix: 'caller',
      points: limits.requestsPerMinute,
      duration: 60,
    });
    this.failedAuth = new RateLimiterMemory({
      keyPrefix: 'failed-auth',
      points: limits.failedAuthPerMinute,
      duration: 60,
    });
  }

  /** Counts a request of an authenticated caller; throws `rate_limited` past the budget. */
  async takeRequest(callerKey: string, res: Response): Promise<void> {
    try {
      const state = await this.perCaller.consume(callerKey);
      setRateHeaders(res, this.limits.requestsPerMinute, state);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      setRateHeaders(res, this.limits.requestsPerMinute, error);
      throw throttled(res, error, 'this caller');
    }
  }

  /** Counts a refused credential; returns the 429 to answer instead once past the budget. */
  async refusedCredential(address: string, res: Response): Promise<ProblemError | undefined> {
    try {
      await this.failedAuth.consume(address);
      return undefined;
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      return throttled(res, error, 'this address after refused credentials');
    }
  }
}

function setRateHeaders(res: Response, limit: number, state: RateLimiterRes): void {
  res.set('RateLimit-Limit', String(limit));
  res.set('RateLimit-Remaining', String(Math.max(0, state.remainingPoints)));
  res.set('RateLimit-Reset', String(Math.ceil(state.msBeforeNext / 1000)));
}

function throttled(res: Response, state: RateLimiterRes, who: string): ProblemError {
  const seconds = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
  res.set('Retry-After', String(seconds));
  return new ProblemError('rate_limited', `Too many requests from ${who}; retry in ${seconds} s.`);
}

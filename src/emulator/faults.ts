/**
 * Fault injection: rules that make chosen requests fail the ways the real services fail
 * (throttling, 5xx, slowness, hangs, etag conflicts, answers lost after the write happened).
 * Rules are checked in the order they were added; the first one that matches and fires
 * wins. A rule fires a fixed number of `times`, or with a `probability` drawn from a seeded
 * random source so that a chaos run replays exactly from its seed.
 */
import { createSeededRandom, type RandomSource } from './seededRandom.ts';

export const EMULATED_APIS = ['arm', 'graph', 'identity'] as const;
export type EmulatedApi = (typeof EMULATED_APIS)[number];

export type FaultAction =
  /** 429. Graph sometimes sends no `Retry-After` and says `reset in hh:mm:ss` in the body. */
  | { kind: 'throttle'; retryAfterSeconds: number; sendRetryAfterHeader?: boolean }
  /** Any error status, typically a 5xx, with the called API's error body. */
  | { kind: 'status'; status: number; code?: string; message?: string }
  /** Waits, then serves the request normally. */
  | { kind: 'delay'; delayMs: number }
  /** Never answers; the client's own timeout is what ends the request. */
  | { kind: 'hang' }
  /** Sentinel's stale-etag 409, without touching the incident. */
  | { kind: 'conflict' }
  /** The request takes effect, then the connection is destroyed before the answer. */
  | { kind: 'lostResponse' };

export interface FaultRuleSpec {
  api?: EmulatedApi;
  /** HTTP method, any casing; every method when left out. */
  method?: string;
  /**
   * Glob over the request path (no query): `*` matches within one segment, `**` across
   * segments, case-insensitive. Every path when left out.
   */
  path?: string;
  action: FaultAction;
  /** How many times the rule fires before going inert; unlimited when left out. */
  times?: number;
  /** Chance in [0, 1] that a matching request is hit; 1 when left out. */
  probability?: number;
  /**
   * Makes the rule a service quota: it fires only on matching requests beyond `points` within
   * the last `windowMs` (by the real clock, as services count). Pair it with a throttle action.
   */
  quota?: { points: number; windowMs: number };
}

export interface FaultRule extends FaultRuleSpec {
  id: string;
  /** How many requests this rule has hit so far. */
  fired: number;
}

export interface FaultCandidate {
  api: EmulatedApi;
  method: string;
  path: string;
}

export interface FaultInjectorOptions {
  /** Seed of the random source behind `probability`. Default 1. */
  seed?: number;
}

export class FaultInjector {
  private rules: Array<FaultRule & { matcher: RegExp | undefined; arrivals?: number[] }> = [];
  private random: RandomSource;
  private nextId = 1;

  constructor(options: FaultInjectorOptions = {}) {
    this.random = createSeededRandom(options.seed ?? 1);
  }

  /** Adds a rule; misuse (unknown api, bad status, probability outside [0, 1]) throws. */
  add(spec: FaultRuleSpec): FaultRule {
    checkRuleSpec(spec);
    const rule = { ...structuredClone(spec), id: `fault-${this.nextId}`, fired: 0 };
    this.nextId += 1;

    this.rules.push({ ...rule, matcher: spec.path ? globToRegExp(spec.path) : undefined });
    return structuredClone(rule);
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((rule) => rule.id !== id);
    return this.rules.length !== before;
  }

  clear(): void {
    this.rules = [];
  }

  /** Restarts the random source, for replaying a chaos run. */
  reseed(seed: number): void {
    this.random = createSeededRandom(seed);
  }

  list(): FaultRule[] {
    return this.rules.map(({ matcher: _matcher, arrivals: _arrivals, ...rule }) =>
      structuredClone(rule),
    );
  }

  /** The rule hitting this request, if any; counts the hit. */
  take(request: FaultCandidate): FaultRule | undefined {
    for (const rule of this.rules) {
      if (!matches(rule, rule.matcher, request)) continue;
      if (rule.quota && withinQuota(rule, rule.quota)) continue;
      if (rule.times !== undefined && rule.fired >= rule.times) continue;
      if (rule.probability !== undefined && this.random() >= rule.probability) continue;

      rule.fired += 1;
      const { matcher: _matcher, arrivals: _arrivals, ...fired } = rule;
      return structuredClone(fired);
    }
    return undefined;
  }
}

/** Counts this arrival; true while the arrivals in the window stay within the quota. */
function withinQuota(
  rule: { arrivals?: number[] },
  quota: { points: number; windowMs: number },
): boolean {
  const now = Date.now();
  const arrivals = (rule.arrivals ?? []).filter((time) => time > now - quota.windowMs);
  arrivals.push(now);
  rule.arrivals = arrivals;
  return arrivals.length <= quota.points;
}

function matches(rule: FaultRuleSpec, matcher: RegExp | undefined, request: FaultCandidate) {
  if (rule.api && rule.api !== request.api) return false;
  if (rule.method && rule.method.toUpperCase() !== request.method.toUpperCase()) return false;
  return matcher ? matcher.test(request.path) : true;
}

function globToRegExp(glob: string): RegExp {
  const pattern = glob
    .split('**')
    .map((part) =>
      part
        .split('*')
        .map((literal) => literal.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*'),
    )
    .join('.*');
  return new RegExp(`^${pattern}$`, 'i');
}

function checkRuleSpec(spec: FaultRuleSpec): void {
  if (spec.api !== undefined && !EMULATED_APIS.includes(spec.api)) {
    throw new TypeError(`fault api must be one of ${EMULATED_APIS.join(', ')}`);
  }
  if (spec.times !== undefined && !(Number.isInteger(spec.times) && spec.times > 0)) {
    throw new TypeError('fault times must be a positive integer');
  }
  if (spec.probability !== undefined && !(spec.probability >= 0 && spec.probability <= 1)) {
    throw new TypeError('fault probability must be between 0 and 1');
  }
  if (spec.quota !== undefined && !(spec.quota.points > 0 && spec.quota.windowMs > 0)) {
    throw new TypeError('fault quota needs positive points and windowMs');
  }
  checkAction(spec.action);
}

function checkAction(action: FaultAction | undefined): void {
  switch (action?.kind) {
    case 'throttle':
      if (!(action.retryAfterSeconds >= 0)) {
        throw new TypeError('fault action.retryAfterSeconds must be zero or more');
      }
      return;
    case 'status':
      if (!(Number.isInteger(action.status) && action.status >= 400 && action.status <= 599)) {
        throw new TypeError('fault action.status must be an HTTP error status (400-599)');
      }
      return;
    case 'delay':
      if (!(action.delayMs >= 0)) throw new TypeError('fault action.delayMs must be zero or more');
      return;
    case 'hang':
    case 'conflict':
    case 'lostResponse':
      return;
    default:
      throw new TypeError(
        'fault action.kind must be throttle, status, delay, hang, conflict or lostResponse',
      );
  }
}

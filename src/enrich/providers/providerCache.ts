/**
 * Answers of providers, kept for each provider's time to live so that enriching the same
 * incident again (or another incident sharing its entities) costs no second lookup. "Nothing
 * found" is an answer too and is cached like one. Entries carry their provenance: which
 * provider answered, from where, and when.
 */
import { LRUCache } from 'lru-cache';
import type { ProviderFinding } from './enrichmentProvider.ts';

export interface CachedAnswer {
  findings: ProviderFinding[];
  fetchedAt: string;
}

export interface ProviderCacheOptions {
  /** Entries kept at most; the least recently used go first. */
  maxEntries?: number;
}

export class ProviderCache {
  private readonly entries: LRUCache<string, CachedAnswer>;

  constructor(options: ProviderCacheOptions = {}) {
    this.entries = new LRUCache<string, CachedAnswer>({ max: options.maxEntries ?? 50_000 });
  }

  static key(provider: string, scope: string, kind: string, value: string): string {
    return [provider, scope.toLowerCase(), kind, value.toLowerCase()].join('\u0000');
  }

  get(key: string): CachedAnswer | undefined {
    return this.entries.get(key);
  }

  set(key: string, answer: CachedAnswer, ttlMs: number): void {
    if (ttlMs > 0) this.entries.set(key, answer, { ttl: ttlMs });
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

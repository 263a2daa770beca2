/**
 * What the emulated services were asked and how they answered, for tests to assert on
 * ("the client sent api-version 2025-09-01", "the 429 was retried once") and for the
 * sandbox's request view. Control API calls are not recorded.
 */
import type { EmulatedApi } from './faults.ts';

export interface RequestLogEntry {
  /** Increasing sequence number. */
  sequence: number;
  /** When the request arrived, by the emulator's clock. */
  time: string;
  api: EmulatedApi;
  method: string;
  /** Path without the query string. */
  path: string;
  /** The `api-version` query parameter, when one was sent. */
  apiVersion?: string;
  /** The status sent, or that would have been sent when a fault destroyed the response. */
  status: number;
  /** The kind of the fault injected into this request, if any, and its rule id. */
  fault?: { ruleId: string; kind: string };
  /** App (client id) of the bearer or token request, when known. */
  clientId?: string;
}

export interface RequestLogOptions {
  /** Oldest entries are dropped beyond this many. Default 10,000. */
  maxEntries?: number;
}

export class RequestLog {
  private readonly maxEntries: number;
  private items: RequestLogEntry[] = [];
  private nextSequence = 1;

  constructor(options: RequestLogOptions = {}) {
    this.maxEntries = options.maxEntries ?? 10_000;
  }

  record(entry: Omit<RequestLogEntry, 'sequence'>): RequestLogEntry {
    const stored = { sequence: this.nextSequence, ...entry };
    this.nextSequence += 1;

    this.items.push(stored);
    if (this.items.length > this.maxEntries) this.items.shift();
    return stored;
  }

  /** Entries in arrival order, optionally only those matching every given field. */
  entries(filter: Partial<Pick<RequestLogEntry, 'api' | 'method' | 'status'>> = {}) {
    return this.items
      .filter(
        (entry) =>
          (filter.api === undefined || entry.api === filter.api) &&
          (filter.method === undefined || entry.method === filter.method.toUpperCase()) &&
          (filter.status === undefined || entry.status === filter.status),
      )
      .map((entry) => structuredClone(entry));
  }

  /** Every distinct `api-version` ARM was called with. */
  apiVersions(): string[] {
    const versions = this.items.flatMap((entry) => (entry.apiVersion ? [entry.apiVersion] : []));
    return [...new Set(versions)];
  }

  clear(): void {
    this.items = [];
  }
}

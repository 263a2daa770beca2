/**
 * A call to Sentinel or Graph that failed in a way the caller did not expect as a value.
 * It carries the HTTP status, the remote error code and any Retry-After, never the raw body:
 * bodies can hold incident text that does not belong in logs.
 */
export type RemoteApi = 'sentinel' | 'graph';

export class RemoteCallError extends Error {
  readonly code: string;

  constructor(
    readonly api: RemoteApi,
    readonly operation: string,
    readonly status: number | undefined,
    readonly remoteCode: string | undefined,
    readonly retryAfterMs: number | undefined,
  ) {
    super(
      `${api} ${operation} failed` +
        (status ? ` with HTTP ${status}` : '') +
        (remoteCode ? ` (${remoteCode})` : ''),
    );
    this.name = 'RemoteCallError';
    this.code = `${api}_request_failed`;
  }

  /** Throttling, service errors and timeouts are worth retrying; 4xx answers are not. */
  get retryable(): boolean {
    return (
      this.status === undefined || this.status === 429 || this.status >= 500 || this.status === 408
    );
  }
}

/** Reads `Retry-After` as seconds or an HTTP date. */
export function parseRetryAfterMs(
  header: string | undefined,
  now = Date.now(),
): number | undefined {
  if (!header) return undefined;

  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);

  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

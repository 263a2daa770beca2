/**
 * Decides what a failed job deserves. Throttling, service errors, timeouts and persistent
 * etag conflicts are retried; a refusal by the service is not, and goes to the dead letters
 * with the write it planned; an incident that no longer answers settles the job (the link is
 * marked unverified elsewhere, never dropped).
 */
import { RemoteCallError } from '../../clients/remoteCallError.ts';
import { StaleLinkError } from '../../store/store.ts';
import { LinkBusyError } from '../linkLocks.ts';
import { SyncError } from '../syncErrors.ts';

export interface JobErrorVerdict {
  code: string;
  message: string;
  retryable: boolean;
  /** True when the job is done even though it did not sync. */
  settled: boolean;
  retryAfterMs?: number;
  plannedWrite?: unknown;
}

export function classifyJobError(error: unknown): JobErrorVerdict {
  if (error instanceof RemoteCallError) {
    return {
      code: error.code,
      message: error.message,
      retryable: error.retryable,
      settled: false,
      retryAfterMs: error.retryAfterMs,
    };
  }
  if (error instanceof StaleLinkError || error instanceof LinkBusyError) {
    return { code: error.code, message: error.message, retryable: true, settled: false };
  }
  if (error instanceof SyncError) {
    switch (error.code) {
      case 'sync_conflict_persistent':
        return { code: error.code, message: error.message, retryable: true, settled: false };
      case 'sentinel_incident_not_found':
      case 'defender_incident_not_found':
        return { code: error.code, message: error.message, retryable: false, settled: true };
      default:
        return {
          code: error.code,
          message: error.message,
          retryable: false,
          settled: false,
          plannedWrite: error.plannedWrite,
        };
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'unexpected_error', message, retryable: true, settled: false };
}

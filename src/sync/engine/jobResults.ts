/**
 * A job's outcome as the store keeps it, for a caller in another replica. Errors travel as
 * their stable code and message (plus what the API needs to answer the same way it would
 * have in the replica that ran the job), never as raw bodies.
 */
import { RemoteCallError, type RemoteApi } from '../../clients/remoteCallError.ts';
import type { JobResult } from '../../store/jobRecord.ts';
import { SyncError, type SyncErrorCode } from '../syncErrors.ts';
import type { SyncOutcome } from '../syncOutcome.ts';

const SYNC_ERROR_CODES: ReadonlySet<string> = new Set<SyncErrorCode>([
  'pair_not_configured',
  'sentinel_incident_not_found',
  'defender_incident_not_found',
  'sync_conflict_persistent',
  'sentinel_write_rejected',
]);

export function resultOfOutcome(outcome: SyncOutcome): JobResult {
  return { ok: true, outcome };
}

export function resultOfError(error: unknown): JobResult {
  if (error instanceof RemoteCallError) {
    return {
      ok: false,
      error: {
        code: error.code,
        message: error.message,
        remote: {
          api: error.api,
          operation: error.operation,
          status: error.status,
          remoteCode: error.remoteCode,
          retryAfterMs: error.retryAfterMs,
        },
      },
    };
  }
  if (error instanceof SyncError) {
    return { ok: false, error: { code: error.code, message: error.message, detail: error.detail } };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, error: { code: 'unexpected_error', message } };
}

/** The error a local caller would have seen, rebuilt from a stored result. */
export function errorOfResult(result: Extract<JobResult, { ok: false }>): Error {
  const { code, message } = result.error;
  if (SYNC_ERROR_CODES.has(code)) {
    const detail = (result.error['detail'] ?? {}) as Record<string, string>;
    return new SyncError(code as SyncErrorCode, message, detail);
  }

  const remote = result.error['remote'] as
    | {
        api: RemoteApi;
        operation: string;
        status?: number;
        remoteCode?: string;
        retryAfterMs?: number;
      }
    | undefined;
  if (remote) {
    return new RemoteCallError(
      remote.api,
      remote.operation,
      remote.status,
      remote.remoteCode,
      remote.retryAfterMs,
    );
  }
  return new Error(message);
}

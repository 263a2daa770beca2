/**
 * Failures of a sync that the caller should see as such. Each has a stable `code`; the API
 * turns them into problem responses with the same code.
 */

export type SyncErrorCode =
  | 'pair_not_configured'
  | 'sentinel_incident_not_found'
  | 'defender_incident_not_found'
  | 'sync_conflict_persistent'
  | 'sentinel_write_rejected';

export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
    readonly detail: Record<string, string> = {},
    /** The write that was refused, kept with the dead letter for replay. */
    readonly plannedWrite?: unknown,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

/**
 * Table shapes as Kysely sees them. JSON columns hold text; timestamps are ISO-8601 strings so
 * the same schema works on SQLite and PostgreSQL.
 */
import type { Generated } from 'kysely';

export interface LinksTable {
  id: string;
  pair_name: string;
  defender_tenant_id: string;
  defender_incident_id: string;
  /** Lower-cased canonical ARM id: ARM ids compare case-insensitively. */
  sentinel_incident_key: string;
  sentinel_incident_arm_id: string;
  sentinel_incident_number: number | null;
  /** linked | redirected | unverified */
  state: string;
  /** providerIncidentId | created | manual */
  linked_by: string;
  redirected_to_link_id: string | null;
  defender_snapshot: string | null;
  sentinel_snapshot: string | null;
  determination_memory: string;
  last_synced_at: string | null;
  created_at: string;
  updated_at: string;
  revision: Generated<number>;
  /** JSON: the state a write in flight would leave; null when none. */
  pending_write: string | null;
  /** Sentinel etag at which every comment of the pair was last found carried. */
  comments_synced_etag: string | null;
}

export interface AuditLogTable {
  id: string;
  link_id: string | null;
  pair_name: string;
  at: string;
  trigger: string;
  outcome: string;
  entry: string;
}

export interface JobsTable {
  id: string;
  pair_name: string;
  /** Jobs with the same subject run one at a time and merge while queued. */
  subject_key: string;
  /** Lower runs first; see CallPriority. */
  priority: number;
  /** queued | running | done | dead */
  status: string;
  payload: string;
  attempts: number;
  run_after: string;
  /** When the change behind the job was first noticed; sync lag is measured from it. */
  noticed_at: string;
  created_at: string;
  updated_at: string;
  lease_owner: string | null;
  lease_until: string | null;
  last_error: string | null;
  planned_write: string | null;
  /** JSON: a finished job's outcome, or its final error; kept a short while. */
  result: string | null;
  finished_at: string | null;
}

/** Time-limited ownership of a piece of background work, such as polling one pair. */
export interface LeasesTable {
  name: string;
  owner: string;
  expires_at: string;
  acquired_at: string;
}

export interface CursorsTable {
  pair_name: string;
  side: string;
  cursor: string;
  updated_at: string;
}

export interface CommentLedgerTable {
  link_id: string;
  /** defenderToSentinel | sentinelToDefender */
  direction: string;
  source_key: string;
  /** JSON list: the Sentinel comment ids or Defender fingerprints of the copies. */
  target_keys: string;
  created_at: string;
}

export interface IdempotencyKeysTable {
  key: string;
  operation: string;
  request_hash: string;
  status: number;
  response: string;
  created_at: string;
}

export interface Database {
  links: LinksTable;
  audit_log: AuditLogTable;
  jobs: JobsTable;
  cursors: CursorsTable;
  comment_ledger: CommentLedgerTable;
  idempotency_keys: IdempotencyKeysTable;
  leases: LeasesTable;
}

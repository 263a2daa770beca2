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

export interface Database {
  links: LinksTable;
  audit_log: AuditLogTable;
}

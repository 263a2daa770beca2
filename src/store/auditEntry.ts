/** One sync decision as the audit log records it: what was read, decided and written. */

export type AuditOutcome = 'written' | 'unchanged' | 'unpaired' | 'conflict' | 'failed' | 'planned';

export interface AuditEntry {
  id: string;
  linkId: string | null;
  pairName: string;
  at: string;
  trigger: string;
  outcome: AuditOutcome;
  /** Inputs, decisions and writes; JSON-serialisable. */
  detail: Record<string, unknown>;
}

/**
 * incident-bridge's persistent state: incident links with the last synced state of each side,
 * and the audit log of sync decisions. All methods work the same inside and outside
 * `transaction`.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { AuditEntry } from './auditEntry.ts';
import type { LinkRecord, LinkState, NewLink, SyncedState } from './linkRecord.ts';
import { JobStore } from './jobStore.ts';
import { LeaseStore } from './leaseStore.ts';
import type { StoreDialect } from './storeDialect.ts';
import type { AuditLogTable, Database, LinksTable } from './schema.ts';

export interface CommentLedgerEntry {
  direction: 'defenderToSentinel' | 'sentinelToDefender';
  sourceKey: string;
  targetKeys: string[];
}

export type IdempotencyClaim =
  | { kind: 'claimed' }
  | { kind: 'inProgress' }
  | { kind: 'mismatch' }
  | { kind: 'answered'; status: number; body: unknown };

export class StaleLinkError extends Error {
  readonly code = 'link_revision_stale';
}

export class Store {
  /** The durable job queue; use it outside `transaction` (it opens its own). */
  readonly jobs: JobStore;

  /** Time-limited ownership of background work, shared by the replicas. */
  readonly leases: LeaseStore;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date = () => new Date(),
    readonly dialect: StoreDialect = 'sqlite',
  ) {
    this.jobs = new JobStore(db, clock, dialect);
    this.leases = new LeaseStore(db, clock);
  }

  /** Runs `work` in one transaction; everything it writes lands together or not at all. */
  async transaction<T>(work: (store: Store) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => work(new Store(trx, this.clock, this.dialect)));
  }

  async findLinkBySentinelArmId(armId: string): Promise<LinkRecord | undefined> {
    const row = await this.db
      .selectFrom('links')
      .selectAll()
      .where('sentinel_incident_key', '=', armId.toLowerCase())
      .executeTakeFirst();
    return row && toLinkRecord(row);
  }

  async findLinksByDefender(tenantId: string, incidentId: string): Promise<LinkRecord[]> {
    const rows = await this.db
      .selectFrom('links')
      .selectAll()
      .where('defender_tenant_id', '=', tenantId)
      .where('defender_incident_id', '=', String(incidentId))
      .orderBy('created_at')
      .execute();
    return rows.map(toLinkRecord);
  }

  async findLinksBySentinelNumber(incidentNumber: number): Promise<LinkRecord[]> {
    const rows = await this.db
      .selectFrom('links')
      .selectAll()
      .where('sentinel_incident_number', '=', incidentNumber)
      .execute();
    return rows.map(toLinkRecord);
  }

  async findLinkById(id: string): Promise<LinkRecord | undefined> {
    const row = await this.db
      .selectFrom('links')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toLinkRecord(row);
  }

  async createLink(link: NewLink): Promise<LinkRecord> {
    const now = this.clock().toISOString();
    const row = {
      id: randomUUID(),
      pair_name: link.pairName,
      defender_tenant_id: link.defenderTenantId,
      defender_incident_id: String(link.defenderIncidentId),
      sentinel_incident_key: link.sentinelIncidentArmId.toLowerCase(),
      sentinel_incident_arm_id: link.sentinelIncidentArmId,
      sentinel_incident_number: link.sentinelIncidentNumber,
      state: 'linked',
      linked_by: link.linkedBy,
      redirected_to_link_id: null,
      defender_snapshot: null,
      sentinel_snapshot: null,
      determination_memory: '{}',
      last_synced_at: null,
      created_at: now,
      updated_at: now,
      revision: 0,
      pending_write: null,
      comments_synced_etag: null,
    };
    // Two callers may discover the same pair at once; the first link stands, both get it.
    await this.db
      .insertInto('links')
      .values(row)
      .onConflict((conflict) => conflict.column('sentinel_incident_key').doNothing())
      .execute();
    const stored = await this.findLinkBySentinelArmId(link.sentinelIncidentArmId);
    return stored ?? toLinkRecord(row);
  }

  /**
   * Stores the state both sides were left in by a sync. `expectedRevision` guards against a
   * concurrent writer: if the link moved on since it was read, nothing is written.
   */
  async saveSyncedState(
    linkId: string,
    expectedRevision: number,
    state: SyncedState,
  ): Promise<LinkRecord> {
    const result = await this.db
      .updateTable('links')
      .set((eb) => ({
        defender_snapshot: JSON.stringify(state.defenderSnapshot),
        sentinel_snapshot: JSON.stringify(state.sentinelSnapshot),
        determination_memory: JSON.stringify(state.determinationMemory),
        sentinel_incident_number: state.sentinelIncidentNumber,
        last_synced_at: state.syncedAt,
        pending_write: null,
        updated_at: this.clock().toISOString(),
        revision: eb('revision', '+', 1),
      }))
      .where('id', '=', linkId)
      .where('revision', '=', expectedRevision)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) {
      throw new StaleLinkError(`Link ${linkId} changed since revision ${expectedRevision}`);
    }

    const saved = await this.findLinkById(linkId);
    if (!saved) throw new StaleLinkError(`Link ${linkId} disappeared`);
    return saved;
  }

  /**
   * Records the state a write is about to leave both sides in, before making it. If the
   * answer is lost or the process dies before the outcome is stored, the next sync can tell
   * that a value it finds came from this write rather than from a person.
   */
  async setPendingWrite(linkId: string, pending: unknown): Promise<void> {
    await this.db
      .updateTable('links')
      .set({ pending_write: JSON.stringify(pending) })
      .where('id', '=', linkId)
      .execute();
  }

  /**
   * Records that, with Sentinel at `etag`, every comment of the pair had been carried. Kept
   * apart from the synced state (and its revision): it is written after the comments, which
   * run after the fields.
   */
  async markCommentsSynced(linkId: string, etag: string): Promise<void> {
    await this.db
      .updateTable('links')
      .set({ comments_synced_etag: etag })
      .where('id', '=', linkId)
      .execute();
  }

  async setLinkState(
    linkId: string,
    state: LinkState,
    redirectedToLinkId: string | null = null,
  ): Promise<void> {
    await this.db
      .updateTable('links')
      .set((eb) => ({
        state,
        redirected_to_link_id: redirectedToLinkId,
        updated_at: this.clock().toISOString(),
        revision: eb('revision', '+', 1),
      }))
      .where('id', '=', linkId)
      .execute();
  }

  /** Points a link at another Defender incident (the survivor of a merge) and forgets its state. */
  async repointDefender(linkId: string, defenderIncidentId: string): Promise<void> {
    await this.db
      .updateTable('links')
      .set((eb) => ({
        defender_incident_id: defenderIncidentId,
        defender_snapshot: null,
        state: 'linked',
        updated_at: this.clock().toISOString(),
        revision: eb('revision', '+', 1),
      }))
      .where('id', '=', linkId)
      .execute();
  }

  async appendAudit(entry: Omit<AuditEntry, 'id' | 'at'> & { at?: string }): Promise<AuditEntry> {
    const stored: AuditEntry = {
      ...entry,
      id: randomUUID(),
      at: entry.at ?? this.clock().toISOString(),
    };
    await this.db
      .insertInto('audit_log')
      .values({
        id: stored.id,
        link_id: stored.linkId,
        pair_name: stored.pairName,
        at: stored.at,
        trigger: stored.trigger,
        outcome: stored.outcome,
        entry: JSON.stringify(stored.detail),
      })
      .execute();
    return stored;
  }

  async listAudit(linkId: string, limit = 50): Promise<AuditEntry[]> {
    const rows = await this.db
      .selectFrom('audit_log')
      .selectAll()
      .where('link_id', '=', linkId)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toAuditEntry);
  }

  /** Where a poller of a pair's side got to: the newest change time it has seen. */
  async getCursor(pairName: string, side: 'defender' | 'sentinel'): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('cursors')
      .select('cursor')
      .where('pair_name', '=', pairName)
      .where('side', '=', side)
      .executeTakeFirst();
    return row?.cursor;
  }

  async setCursor(pairName: string, side: 'defender' | 'sentinel', cursor: string): Promise<void> {
    const now = this.clock().toISOString();
    await this.db
      .insertInto('cursors')
      .values({ pair_name: pairName, side, cursor, updated_at: now })
      .onConflict((conflict) =>
        conflict.columns(['pair_name', 'side']).doUpdateSet({ cursor, updated_at: now }),
      )
      .execute();
  }

  /** Every link of a pair, for the reconcile sweep and plans. */
  async listLinks(pairName: string): Promise<LinkRecord[]> {
    const rows = await this.db
      .selectFrom('links')
      .selectAll()
      .where('pair_name', '=', pairName)
      .execute();
    return rows.map(toLinkRecord);
  }

  /**
   * The pair's links a page at a time, in id order: for walks over every link (the reconcile
   * sweep) that keep a digest of each and must not hold every snapshot at once.
   */
  async *listLinkPages(pairName: string, pageSize = 1000): AsyncGenerator<LinkRecord[]> {
    for (let after = ''; ;) {
      const rows = await this.db
        .selectFrom('links')
        .selectAll()
        .where('pair_name', '=', pairName)
        .where('id', '>', after)
        .orderBy('id')
        .limit(pageSize)
        .execute();
      if (rows.length > 0) yield rows.map(toLinkRecord);
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1]!.id;
    }
  }

  /** Recent audit entries across links, newest first; the status report reads them. */
  async recentAudit(pairName: string, sinceIso: string, limit = 1000): Promise<AuditEntry[]> {
    const rows = await this.db
      .selectFrom('audit_log')
      .selectAll()
      .where('pair_name', '=', pairName)
      .where('at', '>=', sinceIso)
      .orderBy('at', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toAuditEntry);
  }

  /** The comments a link has carried, each with the keys of its copies on the other side. */
  async listCommentLedger(linkId: string): Promise<CommentLedgerEntry[]> {
    const rows = await this.db
      .selectFrom('comment_ledger')
      .selectAll()
      .where('link_id', '=', linkId)
      .execute();
    return rows.map((row) => ({
      direction: row.direction as CommentLedgerEntry['direction'],
      sourceKey: row.source_key,
      targetKeys: JSON.parse(row.target_keys) as string[],
    }));
  }

  /** Records a carried comment; recording the same source twice keeps the first record. */
  async recordComment(linkId: string, entry: CommentLedgerEntry): Promise<void> {
    await this.db
      .insertInto('comment_ledger')
      .values({
        link_id: linkId,
        direction: entry.direction,
        source_key: entry.sourceKey,
        target_keys: JSON.stringify(entry.targetKeys),
        created_at: this.clock().toISOString(),
      })
      .onConflict((conflict) =>
        conflict.columns(['link_id', 'direction', 'source_key']).doNothing(),
      )
      .execute();
  }

  /**
   * Claims an Idempotency-Key for a request. The first claim wins and later ones see either
   * the stored answer or that the first is still running; a key reused with another body is
   * refused.
   */
  async claimIdempotencyKey(
    key: string,
    operation: string,
    requestHash: string,
  ): Promise<IdempotencyClaim> {
    const inserted = await this.db
      .insertInto('idempotency_keys')
      .values({
        key,
        operation,
        request_hash: requestHash,
        status: 0,
        response: '',
        created_at: this.clock().toISOString(),
      })
      .onConflict((conflict) => conflict.columns(['key', 'operation']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (inserted) return { kind: 'claimed' };

    const row = await this.db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('key', '=', key)
      .where('operation', '=', operation)
      .executeTakeFirst();
    if (!row) return { kind: 'claimed' };
    if (row.request_hash !== requestHash) return { kind: 'mismatch' };
    if (row.status === 0) return { kind: 'inProgress' };
    return { kind: 'answered', status: row.status, body: JSON.parse(row.response) as unknown };
  }

  async answerIdempotencyKey(
    key: string,
    operation: string,
    status: number,
    body: unknown,
  ): Promise<void> {
    await this.db
      .updateTable('idempotency_keys')
      .set({ status, response: JSON.stringify(body) })
      .where('key', '=', key)
      .where('operation', '=', operation)
      .execute();
  }

  /** Frees a key whose request failed unexpectedly, so the caller may retry with it. */
  async releaseIdempotencyKey(key: string, operation: string): Promise<void> {
    await this.db
      .deleteFrom('idempotency_keys')
      .where('key', '=', key)
      .where('operation', '=', operation)
      .where('status', '=', 0)
      .execute();
  }

  /** True when the database answers; used by the readiness probe. */
  async ping(): Promise<boolean> {
    await this.db.selectFrom('links').select('id').limit(1).execute();
    return true;
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

function toAuditEntry(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    id: row.id,
    linkId: row.link_id,
    pairName: row.pair_name,
    at: row.at,
    trigger: row.trigger,
    outcome: row.outcome as AuditEntry['outcome'],
    detail: JSON.parse(row.entry) as Record<string, unknown>,
  };
}

function toLinkRecord(
  row: Selectable<LinksTable> | (Omit<LinksTable, 'revision'> & { revision: number }),
): LinkRecord {
  return {
    id: row.id,
    pairName: row.pair_name,
    defenderTenantId: row.defender_tenant_id,
    defenderIncidentId: row.defender_incident_id,
    sentinelIncidentArmId: row.sentinel_incident_arm_id,
    sentinelIncidentNumber: row.sentinel_incident_number,
    state: row.state as LinkState,
    linkedBy: row.linked_by as LinkRecord['linkedBy'],
    redirectedToLinkId: row.redirected_to_link_id,
    defenderSnapshot: row.defender_snapshot === null ? null : JSON.parse(row.defender_snapshot),
    sentinelSnapshot: row.sentinel_snapshot === null ? null : JSON.parse(row.sentinel_snapshot),
    determinationMemory: JSON.parse(row.determination_memory) as Record<string, string>,
    lastSyncedAt: row.last_synced_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    revision: Number(row.revision),
    pendingWrite: row.pending_write ? (JSON.parse(row.pending_write) as unknown) : null,
    commentsSyncedEtag: row.comments_synced_etag ?? null,
  };
}

/**
 * Leases: a named piece of background work (polling one pair, say) belongs to one owner until
 * its lease expires. The owner renews well before then; if it dies, the lease runs out and the
 * next replica that asks takes it over. Taking and renewing are one atomic upsert, so two
 * replicas asking at once cannot both win.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export interface LeaseHolder {
  name: string;
  owner: string;
  expiresAt: string;
}

export class LeaseStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * Takes the lease for `owner`, or renews it if `owner` already holds it. True when `owner`
   * holds it afterwards, until now + `durationMs`.
   */
  async acquire(name: string, owner: string, durationMs: number): Promise<boolean> {
    const now = this.clock();
    const expiresAt = new Date(now.getTime() + durationMs).toISOString();
    const row = await this.db
      .insertInto('leases')
      .values({ name, owner, expires_at: expiresAt, acquired_at: now.toISOString() })
      .onConflict((conflict) =>
        conflict
          .column('name')
          .doUpdateSet((eb) => ({
            owner,
            expires_at: expiresAt,
            // A renewal keeps the time the lease was first taken.
            acquired_at: eb
              .case()
              .when('leases.owner', '=', owner)
              .then(eb.ref('leases.acquired_at'))
              .else(now.toISOString())
              .end(),
          }))
          .where((eb) =>
            eb.or([
              eb('leases.owner', '=', owner),
              eb('leases.expires_at', '<', now.toISOString()),
            ]),
          ),
      )
      .returning('owner')
      .executeTakeFirst();
    return row?.owner === owner;
  }

  /** Gives the lease up at once, so another replica need not wait for it to expire. */
  async release(name: string, owner: string): Promise<void> {
    await this.db
      .deleteFrom('leases')
      .where('name', '=', name)
      .where('owner', '=', owner)
      .execute();
  }

  async releaseAll(owner: string): Promise<void> {
    await this.db.deleteFrom('leases').where('owner', '=', owner).execute();
  }

  /** Leases under `prefix` that have not expired. */
  async live(prefix: string): Promise<LeaseHolder[]> {
    const rows = await this.db
      .selectFrom('leases')
      .selectAll()
      .where('name', 'like', `${prefix}%`)
      .where('expires_at', '>=', this.clock().toISOString())
      .orderBy('name')
      .execute();
    return rows.map((row) => ({ name: row.name, owner: row.owner, expiresAt: row.expires_at }));
  }

  async holders(): Promise<LeaseHolder[]> {
    const rows = await this.db.selectFrom('leases').selectAll().orderBy('name').execute();
    return rows.map((row) => ({ name: row.name, owner: row.owner, expiresAt: row.expires_at }));
  }
}

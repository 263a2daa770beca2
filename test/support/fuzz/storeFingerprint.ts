/**
 * Watches a SQLite store for writes from another connection: `PRAGMA data_version` changes
 * whenever another connection commits, so comparing it before and after a request is cheap.
 * `fingerprint` reads every row of every table, for a check that costs more and proves more.
 */
import Database from 'better-sqlite3';

export class StoreWatch {
  private readonly db: Database.Database;

  constructor(path: string) {
    this.db = new Database(path, { readonly: true, fileMustExist: true });
  }

  version(): number {
    return Number(this.db.pragma('data_version', { simple: true }));
  }

  fingerprint(): string {
    const tables = this.db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as Array<{ name: string }>;
    return JSON.stringify(
      tables.map(({ name }) => [name, this.db.prepare(`SELECT * FROM "${name}"`).all()]),
    );
  }

  close(): void {
    this.db.close();
  }
}

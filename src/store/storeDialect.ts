/**
 * The database under the store. Queries are shared; the few that differ (row locks for job
 * claims, advisory locks) ask which one they run on.
 */
export type StoreDialect = 'sqlite' | 'postgres';

/** True when `error` is a unique-constraint violation, on either database. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * The auth column of the route table: an operation is open to anyone (GetHealth alone), or
 * needs a caller holding at least one of the roles it names.
 */
import type { ApiRole } from '../src/auth/apiRoles.ts';

export type RouteAuth = { open: true } | { open: false; anyRole: readonly [ApiRole, ...ApiRole[]] };

export const OPEN: RouteAuth = { open: true };

export function requires(...anyRole: [ApiRole, ...ApiRole[]]): RouteAuth {
  return { open: false, anyRole };
}

/**
 * The permissions incident-bridge's operations require. The same names serve as app roles
 * (in the `roles` claim of app-only tokens, e.g. a playbook's managed identity), as delegated
 * scopes (in the `scp` claim of user tokens from the custom connector) and as the roles an API
 * key is given in config.
 */

export const API_ROLES = ['Incidents.Read', 'Incidents.Sync', 'Incidents.Enrich'] as const;

export type ApiRole = (typeof API_ROLES)[number];

export function isApiRole(value: string): value is ApiRole {
  return (API_ROLES as readonly string[]).includes(value);
}

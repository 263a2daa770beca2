/**
 * The identities the emulated services know: app registrations (who may get tokens and who
 * the caller of an API is) and the portal analyst whose edits the control API simulates.
 */

/** A seeded app registration with its service principal in one tenant. */
export interface EmulatorClient {
  tenantId: string;
  clientId: string;
  clientSecret?: string;
  certificatePem?: string;
  displayName: string;
  /** Object id of the service principal, the `oid` of its tokens. */
  objectId: string;
}

/** An API registered in a tenant, with the app roles granted to the tenant's apps. */
export interface EmulatorApi {
  tenantId: string;
  appId: string;
  identifierUri: string;
  displayName: string;
  accessTokenVersion: 1 | 2;
  /** By lower-cased client id. */
  appRoleAssignments: Record<string, string[]>;
}

/** The caller of an ARM or Graph request, read from its verified bearer token. */
export interface AppPrincipal {
  tenantId: string;
  clientId: string;
  objectId: string;
  displayName: string;
}

/**
 * How Graph records an application as the author of a change in `lastModifiedBy` and
 * `createdByDisplayName`; Microsoft's own samples print this `API-App:` prefix.
 */
export function graphActorName(principal: AppPrincipal): string {
  return `API-App:${principal.clientId}`;
}

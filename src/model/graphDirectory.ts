/**
 * Directory wire types of Microsoft Graph v1.0 that enrichment reads: a user with the
 * profile fields an analyst wants beside an account entity, its manager, and its Entra ID
 * Protection risk (`/identityProtection/riskyUsers`, which needs Entra ID P2 and
 * IdentityRiskyUser.Read.All; tenants without them answer 403).
 */

export const GRAPH_RISK_LEVELS = [
  'low',
  'medium',
  'high',
  'hidden',
  'none',
  'unknownFutureValue',
] as const;
export type GraphRiskLevel = (typeof GRAPH_RISK_LEVELS)[number];

export interface GraphUserReference {
  id: string;
  displayName?: string | null;
  userPrincipalName?: string | null;
  mail?: string | null;
}

/** `GET /users/{id}?$select=...&$expand=manager($select=...)`. */
export interface GraphUserProfile {
  id: string;
  userPrincipalName: string;
  displayName?: string | null;
  mail?: string | null;
  userType?: string | null;
  accountEnabled?: boolean | null;
  department?: string | null;
  jobTitle?: string | null;
  officeLocation?: string | null;
  manager?: GraphUserReference | null;
}

/** `GET /identityProtection/riskyUsers/{id}`. */
export interface GraphRiskyUser {
  id: string;
  userPrincipalName?: string | null;
  riskLevel?: string | null;
  riskState?: string | null;
  riskDetail?: string | null;
  riskLastUpdatedDateTime?: string | null;
}

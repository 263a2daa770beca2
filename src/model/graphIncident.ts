/**
 * Wire types for the Microsoft Graph security API, v1.0 (`/security/incidents`,
 * `/security/alerts_v2`, `/users`). Enum lists are the exact wire values; Graph answers in
 * camelCase but accepts any casing on input.
 */

export const GRAPH_INCIDENT_STATUSES = [
  'active',
  'resolved',
  'inProgress',
  'redirected',
  'unknownFutureValue',
  'awaitingAction',
] as const;
export type GraphIncidentStatus = (typeof GRAPH_INCIDENT_STATUSES)[number];

export const GRAPH_SEVERITIES = [
  'unknown',
  'informational',
  'low',
  'medium',
  'high',
  'unknownFutureValue',
] as const;
export type GraphSeverity = (typeof GRAPH_SEVERITIES)[number];

export const GRAPH_CLASSIFICATIONS = [
  'unknown',
  'falsePositive',
  'truePositive',
  'informationalExpectedActivity',
  'unknownFutureValue',
] as const;
export type GraphClassification = (typeof GRAPH_CLASSIFICATIONS)[number];

/** Current wire names. Older names are accepted on input; see `GRAPH_DETERMINATION_RENAMES`. */
export const GRAPH_DETERMINATIONS = [
  'unknown',
  'apt',
  'malware',
  'securityPersonnel',
  'securityTesting',
  'unwantedSoftware',
  'other',
  'multiStagedAttack',
  'compromisedAccount',
  'phishing',
  'maliciousUserActivity',
  'notMalicious',
  'notEnoughDataToValidate',
  'confirmedActivity',
  'lineOfBusinessApplication',
  'unknownFutureValue',
] as const;
export type GraphDetermination = (typeof GRAPH_DETERMINATIONS)[number];

/** Names Microsoft pages still print, mapped to the names the service sends today. */
export const GRAPH_DETERMINATION_RENAMES: Readonly<Record<string, GraphDetermination>> = {
  compromisedUser: 'compromisedAccount',
  clean: 'notMalicious',
  insufficientData: 'notEnoughDataToValidate',
  confirmedUserActivity: 'confirmedActivity',
};

/** Comment item. Doc samples use the legacy `createdBy` / `createdTime` names; both occur. */
export interface GraphComment {
  '@odata.type'?: string;
  comment?: string | null;
  createdByDisplayName?: string | null;
  createdDateTime?: string | null;
  createdBy?: string | null;
  createdTime?: string | null;
}

/** Evidence is polymorphic; only the shared base is typed, the rest stays open. */
export interface GraphAlertEvidence {
  '@odata.type'?: string;
  createdDateTime?: string | null;
  verdict?: string | null;
  remediationStatus?: string | null;
  roles?: string[] | null;
  tags?: string[] | null;
  [property: string]: unknown;
}

export interface GraphAlert {
  '@odata.type'?: string;
  id: string;
  providerAlertId?: string | null;
  incidentId?: string | null;
  status?: string | null;
  severity?: string | null;
  classification?: string | null;
  determination?: string | null;
  serviceSource?: string | null;
  detectionSource?: string | null;
  productName?: string | null;
  title?: string | null;
  description?: string | null;
  category?: string | null;
  mitreTechniques?: string[] | null;
  createdDateTime?: string | null;
  lastUpdateDateTime?: string | null;
  firstActivityDateTime?: string | null;
  lastActivityDateTime?: string | null;
  alertWebUrl?: string | null;
  evidence?: GraphAlertEvidence[] | null;
  [property: string]: unknown;
}

export interface GraphIncident {
  '@odata.type'?: string;
  id: string;
  tenantId?: string | null;
  displayName?: string | null;
  description?: string | null;
  summary?: string | null;
  status?: string | null;
  severity?: string | null;
  classification?: string | null;
  determination?: string | null;
  assignedTo?: string | null;
  customTags?: string[] | null;
  systemTags?: string[] | null;
  comments?: GraphComment[] | null;
  createdDateTime?: string | null;
  lastUpdateDateTime?: string | null;
  lastModifiedBy?: string | null;
  resolvingComment?: string | null;
  priorityScore?: number | null;
  redirectIncidentId?: string | null;
  incidentWebUrl?: string | null;
  alerts?: GraphAlert[] | null;
}

/** The only properties `PATCH /security/incidents/{id}` writes. */
export interface GraphIncidentPatch {
  status?: GraphIncidentStatus;
  classification?: GraphClassification;
  determination?: GraphDetermination;
  assignedTo?: string | null;
  customTags?: string[];
}

export const GRAPH_PATCHABLE_FIELDS = [
  'status',
  'classification',
  'determination',
  'assignedTo',
  'customTags',
] as const;

/** Graph list pages (`@odata.nextLink` is followed verbatim). */
export interface GraphPage<T> {
  '@odata.context'?: string;
  '@odata.nextLink'?: string;
  value: T[];
}

/** `GET /users/{id | userPrincipalName}` with the fields owner resolution needs. */
export interface GraphUser {
  id: string;
  userPrincipalName: string;
  mail?: string | null;
  displayName?: string | null;
  userType?: string | null;
  accountEnabled?: boolean | null;
  department?: string | null;
  jobTitle?: string | null;
}

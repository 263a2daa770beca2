/**
 * Wire types for Microsoft Sentinel incidents (`Microsoft.SecurityInsights/incidents`,
 * api-version 2025-09-01). Enum values are PascalCase and modelled as strings by the service,
 * so unknown values can appear and must be tolerated.
 */

export const SENTINEL_STATUSES = ['New', 'Active', 'Closed'] as const;
export type SentinelStatus = (typeof SENTINEL_STATUSES)[number];

export const SENTINEL_SEVERITIES = ['High', 'Medium', 'Low', 'Informational'] as const;
export type SentinelSeverity = (typeof SENTINEL_SEVERITIES)[number];

export const SENTINEL_CLASSIFICATIONS = [
  'Undetermined',
  'TruePositive',
  'BenignPositive',
  'FalsePositive',
] as const;
export type SentinelClassification = (typeof SENTINEL_CLASSIFICATIONS)[number];

export const SENTINEL_CLASSIFICATION_REASONS = [
  'SuspiciousActivity',
  'SuspiciousButExpected',
  'IncorrectAlertLogic',
  'InaccurateData',
] as const;
export type SentinelClassificationReason = (typeof SENTINEL_CLASSIFICATION_REASONS)[number];

export interface SentinelClosePair {
  classification: SentinelClassification;
  classificationReason: SentinelClassificationReason | null;
}

/**
 * The only classification / reason combinations Sentinel accepts when an incident is closed;
 * any other combination is refused with 400.
 */
export const SENTINEL_CLOSE_PAIRS: readonly SentinelClosePair[] = [
  { classification: 'Undetermined', classificationReason: null },
  { classification: 'TruePositive', classificationReason: 'SuspiciousActivity' },
  { classification: 'BenignPositive', classificationReason: 'SuspiciousButExpected' },
  { classification: 'FalsePositive', classificationReason: 'IncorrectAlertLogic' },
  { classification: 'FalsePositive', classificationReason: 'InaccurateData' },
];

/** The labels the Logic Apps connector shows for the five pairs, e.g. `TruePositive - SuspiciousActivity`. */
export function closePairLabel(pair: SentinelClosePair): string {
  return pair.classificationReason
    ? `${pair.classification} - ${pair.classificationReason}`
    : pair.classification;
}

export function isValidClosePair(
  classification: string | null | undefined,
  classificationReason: string | null | undefined,
): boolean {
  return SENTINEL_CLOSE_PAIRS.some(
    (pair) =>
      pair.classification === classification &&
      (pair.classificationReason ?? null) === (classificationReason ?? null),
  );
}

export const SENTINEL_OWNER_TYPES = ['Unknown', 'User', 'Group'] as const;

export interface SentinelOwner {
  objectId?: string | null;
  email?: string | null;
  assignedTo?: string | null;
  userPrincipalName?: string | null;
  ownerType?: string | null;
}

export interface SentinelLabel {
  labelName: string;
  labelType?: 'User' | 'AutoAssigned' | string | null;
}

export interface SentinelIncidentAdditionalData {
  alertsCount?: number | null;
  bookmarksCount?: number | null;
  commentsCount?: number | null;
  alertProductNames?: string[] | null;
  tactics?: string[] | null;
  techniques?: string[] | null;
  providerIncidentUrl?: string | null;
}

export interface SentinelIncidentProperties {
  title: string;
  severity: string;
  status: string;
  description?: string | null;
  classification?: string | null;
  classificationReason?: string | null;
  classificationComment?: string | null;
  owner?: SentinelOwner | null;
  labels?: SentinelLabel[] | null;
  firstActivityTimeUtc?: string | null;
  lastActivityTimeUtc?: string | null;
  createdTimeUtc?: string | null;
  lastModifiedTimeUtc?: string | null;
  incidentNumber?: number | null;
  incidentUrl?: string | null;
  providerName?: string | null;
  providerIncidentId?: string | null;
  relatedAnalyticRuleIds?: string[] | null;
  additionalData?: SentinelIncidentAdditionalData | null;
}

/** The ARM resource envelope (`ResourceWithEtag`). */
export interface SentinelIncident {
  id: string;
  name: string;
  type?: string;
  etag?: string | null;
  systemData?: Record<string, unknown> | null;
  properties: SentinelIncidentProperties;
}

/** Properties a PUT may carry; the read-only ones are ignored by the service. */
export const SENTINEL_WRITABLE_PROPERTIES = [
  'title',
  'severity',
  'status',
  'description',
  'classification',
  'classificationReason',
  'classificationComment',
  'owner',
  'labels',
  'firstActivityTimeUtc',
  'lastActivityTimeUtc',
] as const;

/** Sentinel's documented limits. */
export const SENTINEL_LIMITS = {
  commentMaxChars: 30_000,
  commentsPerIncident: 100,
  descriptionMaxChars: 5_000,
  alertsShownPerIncident: 150,
  listMaxTop: 1_000,
} as const;

export interface SentinelClientInfo {
  email?: string | null;
  name?: string | null;
  objectId?: string | null;
  userPrincipalName?: string | null;
}

export interface SentinelComment {
  id: string;
  name: string;
  type?: string;
  etag?: string | null;
  properties: {
    message: string;
    createdTimeUtc?: string | null;
    lastModifiedTimeUtc?: string | null;
    author?: SentinelClientInfo | null;
  };
}

/** A SecurityAlert entity as `POST …/incidents/{id}/alerts` returns it. */
export interface SentinelAlert {
  id: string;
  name: string;
  type?: string;
  kind: 'SecurityAlert' | string;
  properties: {
    systemAlertId?: string | null;
    alertDisplayName?: string | null;
    alertType?: string | null;
    description?: string | null;
    productName?: string | null;
    vendorName?: string | null;
    providerAlertId?: string | null;
    severity?: string | null;
    status?: string | null;
    confidenceLevel?: string | null;
    tactics?: string[] | null;
    techniques?: string[] | null;
    startTimeUtc?: string | null;
    endTimeUtc?: string | null;
    timeGenerated?: string | null;
    compromisedEntity?: string | null;
    friendlyName?: string | null;
    alertLink?: string | null;
    [property: string]: unknown;
  };
}

export const SENTINEL_ENTITY_KINDS = [
  'Account',
  'Host',
  'File',
  'AzureResource',
  'CloudApplication',
  'DnsResolution',
  'FileHash',
  'Ip',
  'Malware',
  'Process',
  'RegistryKey',
  'RegistryValue',
  'SecurityGroup',
  'Url',
  'IoTDevice',
  'SecurityAlert',
  'Bookmark',
  'Mailbox',
  'MailCluster',
  'MailMessage',
  'SubmissionMail',
] as const;

export interface SentinelEntity {
  id: string;
  name: string;
  type?: string;
  kind: string;
  properties: Record<string, unknown>;
}

export interface SentinelEntitiesResponse {
  entities: SentinelEntity[];
  metaData: Array<{ entityKind: string; count: number }>;
}

export interface SentinelPage<T> {
  value: T[];
  nextLink?: string;
}

/**
 * Wire types for the legacy Microsoft Defender XDR API (`https://api.security.microsoft.com/api/incidents`).
 * It is superseded by Graph but still in use; incident-bridge reads it only to map its bodies.
 * Its pages disagree on enum spellings, so every value stays a plain string here.
 */

export const LEGACY_INCIDENT_STATUSES = ['Active', 'InProgress', 'Resolved', 'Redirected'] as const;
export const LEGACY_SEVERITIES = ['UnSpecified', 'Informational', 'Low', 'Medium', 'High'] as const;
export const LEGACY_CLASSIFICATIONS = [
  'Unknown',
  'FalsePositive',
  'TruePositive',
  'InformationalExpectedActivity',
] as const;

/** Every determination spelling the legacy pages print, including the `NoEnoughDataToValidate` typo. */
export const LEGACY_DETERMINATIONS = [
  'NotAvailable',
  'Apt',
  'Malware',
  'SecurityPersonnel',
  'SecurityTesting',
  'UnwantedSoftware',
  'Other',
  'MultiStagedAttack',
  'MaliciousUserActivity',
  'CompromisedUser',
  'CompromisedAccount',
  'Phishing',
  'LineOfBusinessApplication',
  'ConfirmedUserActivity',
  'ConfirmedActivity',
  'Clean',
  'InsufficientData',
  'NoEnoughDataToValidate',
] as const;

export interface LegacyComment {
  comment?: string | null;
  createdBy?: string | null;
  createdTime?: string | null;
}

export interface LegacyEntity {
  entityType?: string | null;
  [property: string]: unknown;
}

export interface LegacyAlert {
  alertId: string;
  incidentId?: number | string | null;
  serviceSource?: string | null;
  creationTime?: string | null;
  lastUpdatedTime?: string | null;
  firstActivity?: string | null;
  lastActivity?: string | null;
  title?: string | null;
  description?: string | null;
  category?: string | null;
  status?: string | null;
  severity?: string | null;
  classification?: string | null;
  determination?: string | null;
  detectionSource?: string | null;
  mitreTechniques?: string[] | null;
  devices?: Array<Record<string, unknown>> | null;
  entities?: LegacyEntity[] | null;
  [property: string]: unknown;
}

export interface LegacyIncident {
  incidentId: number | string;
  redirectIncidentId?: number | string | null;
  incidentName?: string | null;
  createdTime?: string | null;
  lastUpdateTime?: string | null;
  assignedTo?: string | null;
  classification?: string | null;
  determination?: string | null;
  status?: string | null;
  severity?: string | null;
  detectionSource?: string | null;
  tags?: string[] | null;
  comments?: LegacyComment[] | null;
  alerts?: LegacyAlert[] | null;
}

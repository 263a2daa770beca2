/**
 * ARM ids, resource types and service-computed defaults of Sentinel resources, spelled the
 * way `Microsoft.SecurityInsights` 2025-09-01 answers them.
 */
import type { SentinelIncidentAdditionalData } from '../../model/sentinelIncident.ts';
import {
  formatSentinelIncidentArmId,
  formatSentinelWorkspaceArmId,
  type SentinelWorkspaceRef,
} from '../../model/sentinelIncidentArmId.ts';

export const INCIDENT_RESOURCE_TYPE = 'Microsoft.SecurityInsights/incidents';
export const COMMENT_RESOURCE_TYPE = 'Microsoft.SecurityInsights/incidents/comments';
export const ENTITY_RESOURCE_TYPE = 'Microsoft.SecurityInsights/Entities';

/** The provider name of incidents Sentinel itself (or its API) created. */
export const NATIVE_PROVIDER_NAME = 'Azure Sentinel';

export function incidentArmId(workspace: SentinelWorkspaceRef, incidentName: string): string {
  return formatSentinelIncidentArmId({ ...workspace, incidentId: incidentName });
}

export function commentArmId(
  workspace: SentinelWorkspaceRef,
  incidentName: string,
  commentName: string,
): string {
  return `${incidentArmId(workspace, incidentName)}/comments/${commentName}`;
}

export function entityArmId(workspace: SentinelWorkspaceRef, entityName: string): string {
  const provider = '/providers/Microsoft.SecurityInsights/Entities/';
  return `${formatSentinelWorkspaceArmId(workspace)}${provider}${entityName}`;
}

/** The Azure portal deep link the service puts in `incidentUrl`. */
export function incidentPortalUrl(workspace: SentinelWorkspaceRef, incidentName: string): string {
  return (
    'https://portal.azure.com/#asset/Microsoft_Azure_Security_Insights/Incident' +
    incidentArmId(workspace, incidentName)
  );
}

export function defaultAdditionalData(): SentinelIncidentAdditionalData {
  return {
    alertsCount: 0,
    bookmarksCount: 0,
    commentsCount: 0,
    alertProductNames: [],
    tactics: [],
  };
}

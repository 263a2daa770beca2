/**
 * Parsing of Sentinel incident ARM ids, the "Incident ARM ID" playbooks hold, e.g.
 * `/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.OperationalInsights/workspaces/{ws}
 * /providers/Microsoft.SecurityInsights/Incidents/{incidentId}`. ARM paths are case-insensitive
 * (the playbook trigger writes `Incidents`, the REST API `incidents`).
 */

export interface SentinelWorkspaceRef {
  subscriptionId: string;
  resourceGroupName: string;
  workspaceName: string;
}

export interface SentinelIncidentRef extends SentinelWorkspaceRef {
  incidentId: string;
}

const ARM_SEGMENT = '[^/?#]+';
const INCIDENT_ARM_ID = new RegExp(
  `^/subscriptions/(${ARM_SEGMENT})/resourceGroups/(${ARM_SEGMENT})` +
    `/providers/Microsoft\\.OperationalInsights/workspaces/(${ARM_SEGMENT})` +
    `/providers/Microsoft\\.SecurityInsights/incidents/(${ARM_SEGMENT})/?$`,
  'i',
);

export const SENTINEL_INCIDENT_ARM_ID_PATTERN = INCIDENT_ARM_ID.source;

/** Returns the parts of an incident ARM id, or `undefined` when the string is not one. */
export function parseSentinelIncidentArmId(armId: string): SentinelIncidentRef | undefined {
  const match = INCIDENT_ARM_ID.exec(armId.trim());
  if (!match) return undefined;

  const [, subscriptionId, resourceGroupName, workspaceName, incidentId] = match;
  if (!subscriptionId || !resourceGroupName || !workspaceName || !incidentId) return undefined;
  return {
    subscriptionId: decodeURIComponent(subscriptionId),
    resourceGroupName: decodeURIComponent(resourceGroupName),
    workspaceName: decodeURIComponent(workspaceName),
    incidentId: decodeURIComponent(incidentId),
  };
}

/** The canonical spelling incident-bridge stores and returns. */
export function formatSentinelIncidentArmId(ref: SentinelIncidentRef): string {
  return (
    `${formatSentinelWorkspaceArmId(ref)}/providers/Microsoft.SecurityInsights/incidents/` +
    ref.incidentId
  );
}

export function formatSentinelWorkspaceArmId(ref: SentinelWorkspaceRef): string {
  return (
    `/subscriptions/${ref.subscriptionId}/resourceGroups/${ref.resourceGroupName}` +
    `/providers/Microsoft.OperationalInsights/workspaces/${ref.workspaceName}`
  );
}

/** A case-insensitive key for comparing and indexing ARM ids. */
export function sentinelIncidentKey(ref: SentinelIncidentRef): string {
  return formatSentinelIncidentArmId(ref).toLowerCase();
}

export function sameWorkspace(a: SentinelWorkspaceRef, b: SentinelWorkspaceRef): boolean {
  return (
    a.subscriptionId.toLowerCase() === b.subscriptionId.toLowerCase() &&
    a.resourceGroupName.toLowerCase() === b.resourceGroupName.toLowerCase() &&
    a.workspaceName.toLowerCase() === b.workspaceName.toLowerCase()
  );
}

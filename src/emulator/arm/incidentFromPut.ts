/**
 * Turns a validated PUT body into the stored incident properties. A PUT replaces every
 * writable property (one left out is cleared, which is how partial updates silently
 * unassign owners); read-only properties always come from the stored incident, or from
 * the service's defaults on create, whatever the body says.
 */
import type { GraphUser } from '../../model/graphIncident.ts';
import type {
  SentinelIncidentProperties,
  SentinelLabel,
  SentinelOwner,
} from '../../model/sentinelIncident.ts';
import { resolveOwner } from '../state/sentinelOwner.ts';
import {
  defaultAdditionalData,
  incidentPortalUrl,
  NATIVE_PROVIDER_NAME,
} from '../state/sentinelResources.ts';
import type { SentinelWorkspace } from '../state/sentinelWorkspace.ts';
import { takeIncidentNumber } from '../state/sentinelWorkspace.ts';
import { formatDate } from '../timestamps.ts';
import type { ValidIncidentBody } from './validateIncidentBody.ts';

type ReadOnlyProperties = Pick<
  SentinelIncidentProperties,
  | 'providerName'
  | 'providerIncidentId'
  | 'incidentNumber'
  | 'incidentUrl'
  | 'additionalData'
  | 'createdTimeUtc'
  | 'lastModifiedTimeUtc'
  | 'relatedAnalyticRuleIds'
>;

export function propertiesFromPut(
  body: ValidIncidentBody,
  stored: SentinelIncidentProperties | undefined,
  directory: readonly GraphUser[],
): Omit<SentinelIncidentProperties, keyof ReadOnlyProperties> {
  const sent = body.properties;
  const optionalText = (field: string): Record<string, string> => {
    const value = sent[field];
    return typeof value === 'string' ? { [field]: value } : {};
  };

  return {
    title: String(sent['title']),
    severity: body.severity,
    status: body.status,
    ...optionalText('description'),
    ...(body.classification ? { classification: body.classification } : {}),
    ...(body.classificationReason ? { classificationReason: body.classificationReason } : {}),
    ...optionalText('classificationComment'),
    owner: resolveOwner(sent['owner'] as SentinelOwner | null | undefined, directory),
    labels: labelsFromPut(sent['labels'], stored?.labels ?? []),
    ...optionalText('firstActivityTimeUtc'),
    ...optionalText('lastActivityTimeUtc'),
  };
}

/** The read-only properties of an incident the API is creating. */
export function readOnlyPropertiesForCreate(
  workspace: SentinelWorkspace,
  incidentName: string,
  now: Date,
): ReadOnlyProperties {
  const incidentNumber = takeIncidentNumber(workspace);
  const stamp = formatDate(now);
  return {
    providerName: NATIVE_PROVIDER_NAME,
    // The service's own example answers a create with providerIncidentId equal to the
    // incident number; only Defender-provided incidents carry a Defender id here.
    providerIncidentId: String(incidentNumber),
    incidentNumber,
    incidentUrl: incidentPortalUrl(workspace.ref, incidentName),
    additionalData: defaultAdditionalData(),
    createdTimeUtc: stamp,
    lastModifiedTimeUtc: stamp,
    relatedAnalyticRuleIds: [],
  };
}

export function readOnlyPropertiesOf(stored: SentinelIncidentProperties): ReadOnlyProperties {
  const {
    providerName,
    providerIncidentId,
    incidentNumber,
    incidentUrl,
    additionalData,
    createdTimeUtc,
    lastModifiedTimeUtc,
    relatedAnalyticRuleIds,
  } = structuredClone(stored);
  return {
    providerName,
    providerIncidentId,
    incidentNumber,
    incidentUrl,
    additionalData,
    createdTimeUtc,
    lastModifiedTimeUtc,
    relatedAnalyticRuleIds,
  };
}

/**
 * Labels replace the stored list. `labelType` is read-only: a label the system assigned
 * stays `AutoAssigned` when the body names it again; anything else becomes `User`.
 */
function labelsFromPut(sent: unknown, stored: readonly SentinelLabel[]): SentinelLabel[] {
  if (!Array.isArray(sent)) return [];

  const autoAssigned = new Set(
    stored.filter((label) => label.labelType === 'AutoAssigned').map((label) => label.labelName),
  );
  return sent.map((label: { labelName: string }) => ({
    labelName: label.labelName,
    labelType: autoAssigned.has(label.labelName) ? 'AutoAssigned' : 'User',
  }));
}

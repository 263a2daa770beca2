/**
 * One Sentinel incident read from its ARM representation or from the playbook trigger body,
 * with every enum parsed and every optional field filled ('' or []).
 */
import { isPlaybookTriggerBody, type PlaybookTriggerBody } from '../model/playbookTrigger.ts';
import {
  SENTINEL_CLASSIFICATIONS,
  SENTINEL_CLASSIFICATION_REASONS,
  type SentinelAlert,
  type SentinelClassification,
  type SentinelClassificationReason,
  type SentinelEntity,
  type SentinelIncident,
  type SentinelLabel,
  type SentinelSeverity,
  type SentinelStatus,
} from '../model/sentinelIncident.ts';
import {
  parseSentinelIncidentArmId,
  type SentinelIncidentRef,
} from '../model/sentinelIncidentArmId.ts';
import { matchEnumValue } from './enumValue.ts';
import { note, type MappingNote } from './mappingNote.ts';
import { readSentinelOwner, type OwnerFields } from './ownerMapping.ts';
import { parseSentinelSeverity } from './severityTable.ts';
import { parseSentinelStatus } from './statusTable.ts';
import { text } from './valueReaders.ts';

export interface SentinelIncidentView {
  armId: string;
  ref: SentinelIncidentRef | undefined;
  name: string;
  etag: string;
  title: string;
  description: string;
  /** null when the service sent a status this version does not know (a note says which). */
  status: SentinelStatus | null;
  severity: SentinelSeverity | null;
  classification: SentinelClassification | null;
  classificationReason: SentinelClassificationReason | null;
  classificationComment: string;
  owner: OwnerFields;
  labels: Array<{ labelName: string; labelType: string }>;
  firstActivityTimeUtc: string;
  lastActivityTimeUtc: string;
  createdTimeUtc: string;
  lastModifiedTimeUtc: string;
  incidentNumber: number | null;
  providerName: string;
  providerIncidentId: string;
  incidentUrl: string;
  providerIncidentUrl: string;
  alerts: SentinelAlert[];
  entities: SentinelEntity[];
  /** 'trigger' when read from a playbook trigger body. */
  origin: 'arm' | 'trigger';
}

export interface SentinelIncidentReading {
  incident: SentinelIncidentView;
  notes: MappingNote[];
}

export function readSentinelIncident(
  body: SentinelIncident | PlaybookTriggerBody,
): SentinelIncidentReading {
  const notes: MappingNote[] = [];
  // The trigger body is known by its `object`; workspaceInfo is optional (the contract's rule).
  const trigger = isPlaybookTriggerBody(body) ? body : undefined;
  const resource = trigger ? trigger.object : (body as SentinelIncident);
  const props = resource.properties;

  const triggerProps = trigger?.object.properties;
  const alerts = triggerProps?.alerts ?? trigger?.object.alerts ?? [];
  const entities = triggerProps?.relatedEntities ?? trigger?.object.relatedEntities ?? [];

  const incident: SentinelIncidentView = {
    armId: text(resource.id),
    ref: parseSentinelIncidentArmId(text(resource.id)),
    name: text(resource.name),
    etag: text(resource.etag),
    title: text(props.title),
    description: text(props.description),
    status: parseNullable(props.status, parseSentinelStatus, 'status', notes),
    severity: parseNullable(props.severity, parseSentinelSeverity, 'severity', notes),
    classification: parseNullable(
      props.classification,
      (value) => matchEnumValue(value, SENTINEL_CLASSIFICATIONS),
      'classification',
      notes,
    ),
    classificationReason: parseNullable(
      props.classificationReason,
      (value) => matchEnumValue(value, SENTINEL_CLASSIFICATION_REASONS),
      'classificationReason',
      notes,
    ),
    classificationComment: text(props.classificationComment),
    owner: readSentinelOwner(props.owner),
    labels: readLabels(props.labels),
    firstActivityTimeUtc: text(props.firstActivityTimeUtc),
    lastActivityTimeUtc: text(props.lastActivityTimeUtc),
    createdTimeUtc: text(props.createdTimeUtc),
    lastModifiedTimeUtc: text(props.lastModifiedTimeUtc),
    incidentNumber: typeof props.incidentNumber === 'number' ? props.incidentNumber : null,
    providerName: text(props.providerName),
    providerIncidentId: text(props.providerIncidentId),
    incidentUrl: text(props.incidentUrl),
    providerIncidentUrl: text(props.additionalData?.providerIncidentUrl),
    alerts: Array.isArray(alerts) ? alerts : [],
    entities: Array.isArray(entities) ? entities : [],
    origin: trigger ? 'trigger' : 'arm',
  };
  return { incident, notes };
}

function readLabels(labels: SentinelLabel[] | null | undefined): SentinelIncidentView['labels'] {
  if (!Array.isArray(labels)) return [];
  return labels
    .filter((label) => typeof label?.labelName === 'string' && label.labelName !== '')
    .map((label) => ({ labelName: label.labelName, labelType: text(label.labelType) || 'User' }));
}

function parseNullable<T extends string>(
  value: unknown,
  parse: (raw: unknown) => T | undefined,
  field: string,
  notes: MappingNote[],
): T | null {
  if (value === null || value === undefined || value === '') return null;

  const parsed = parse(value);
  if (parsed !== undefined) return parsed;

  notes.push(note(field, 'unknown_value', `Unknown Sentinel ${field} value; left out.`, value));
  return null;
}

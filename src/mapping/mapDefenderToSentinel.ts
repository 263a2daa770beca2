/**
 * Maps a Defender incident (Graph v1.0 vocabulary) to the Sentinel 2025-09-01 incident
 * properties it corresponds to. Pure: owner resolution and stored state come in as options.
 * Reference: sync-semantics section 6.
 */
import { SENTINEL_LIMITS, type SentinelClosePair } from '../model/sentinelIncident.ts';
import {
  graphClassificationToSentinel,
  isVerdict,
  type FalsePositiveReasonRule,
} from './classificationTable.ts';
import type { DefenderIncidentView } from './defenderIncidentView.ts';
import { systemTagLabel, unionTags } from './labelMapping.ts';
import { note, type MappingNote } from './mappingNote.ts';
import { defenderOwnerToSentinel, type OwnerFields, type ResolvedOwner } from './ownerMapping.ts';
import { graphSeverityToSentinel } from './severityTable.ts';
import { graphStatusToSentinel } from './statusTable.ts';
import { truncateText } from './truncateText.ts';

export interface MappedSentinelFields {
  title: string;
  description: string;
  severity: string;
  status: string;
  /** '' unless the incident is closed: Sentinel records a verdict on closing. */
  classification: string;
  classificationReason: string;
  classificationComment: string;
  owner: OwnerFields;
  labels: string[];
  firstActivityTimeUtc: string;
  lastActivityTimeUtc: string;
  providerIncidentId: string;
}

export interface MapDefenderToSentinelOptions {
  resolvedOwner?: ResolvedOwner;
  falsePositiveRule?: FalsePositiveReasonRule;
  /** Copy Defender system tags as `sys:` labels (one way). Default true. */
  copySystemTags?: boolean;
}

export function mapDefenderToSentinel(
  incident: DefenderIncidentView,
  options: MapDefenderToSentinelOptions = {},
): { sentinel: MappedSentinelFields; notes: MappingNote[] } {
  const notes: MappingNote[] = [];

  const status = mapStatus(incident, notes);
  const closePair = status.value === 'Closed' ? mapClosePair(incident, options, notes) : undefined;
  if (status.value !== 'Closed' && isVerdict(incident.classification)) {
    notes.push(
      note(
        'classification',
        'classification_not_closed',
        'Sentinel records a classification when it closes an incident; carried on close.',
        incident.classification,
      ),
    );
  }

  const severity = graphSeverityToSentinel(incident.severity);
  if (!severity.exact) {
    notes.push(
      note(
        'severity',
        'severity_unknown',
        'Defender severity unknown; Informational used.',
        incident.severity,
      ),
    );
  }

  const owner = defenderOwnerToSentinel(incident.assignedTo, options.resolvedOwner);
  notes.push(...owner.notes);

  const sentinel: MappedSentinelFields = {
    title: incident.title,
    description: mapDescription(incident.description, notes),
    severity: severity.severity,
    status: status.value,
    classification: closePair?.classification ?? '',
    classificationReason: closePair?.classificationReason ?? '',
    classificationComment: status.comment,
    owner: owner.owner,
    labels: mapLabels(incident, status.label, options.copySystemTags ?? true, notes),
    firstActivityTimeUtc: incident.firstActivityDateTime,
    lastActivityTimeUtc: incident.lastActivityDateTime,
    providerIncidentId: incident.id,
  };
  return { sentinel, notes };
}

function mapStatus(
  incident: DefenderIncidentView,
  notes: MappingNote[],
): { value: string; label?: string; comment: string } {
  const mapped = graphStatusToSentinel(incident.status);
  if (mapped.kind === 'unknown') {
    notes.push(
      note('status', 'status_unknown', 'Unknown Defender status; read as open.', incident.status),
    );
    return { value: 'New', comment: '' };
  }

  if (incident.status === 'redirected') {
    const target = incident.redirectIncidentId ?? '';
    notes.push(
      note(
        'status',
        'status_redirected',
        `Merged into Defender incident ${target}; closed here.`,
        target,
      ),
    );
    return {
      value: mapped.status,
      label: mapped.label,
      comment: `Merged into Defender incident ${target}.`,
    };
  }

  if (incident.status === 'awaitingAction') {
    notes.push(
      note(
        'status',
        'status_awaiting_action',
        'Awaiting action in Defender; open with a label.',
        'awaitingAction',
      ),
    );
  }
  return { value: mapped.status, label: mapped.label, comment: '' };
}

function mapClosePair(
  incident: DefenderIncidentView,
  options: MapDefenderToSentinelOptions,
  notes: MappingNote[],
): SentinelClosePair {
  if (incident.status === 'redirected') {
    return { classification: 'Undetermined', classificationReason: null };
  }

  const pair = graphClassificationToSentinel(
    incident.classification,
    incident.determination,
    options.falsePositiveRule,
  );
  if (isVerdict(incident.classification) && incident.determination !== 'unknown') {
    notes.push(
      note(
        'classificationReason',
        'determination_not_carried',
        'Sentinel has no determination; incident-bridge keeps it for the way back.',
        incident.determination,
      ),
    );
  }
  return pair;
}

function mapDescription(description: string, notes: MappingNote[]): string {
  if (!description) {
    notes.push(
      note('description', 'description_missing', 'The Defender incident has no description.'),
    );
    return '';
  }

  const truncated = truncateText(description, SENTINEL_LIMITS.descriptionMaxChars);
  if (truncated !== description) {
    notes.push(
      note(
        'description',
        'description_truncated',
        `Description cut to Sentinel's ${SENTINEL_LIMITS.descriptionMaxChars} characters.`,
        description.length,
      ),
    );
  }
  return truncated;
}

function mapLabels(
  incident: DefenderIncidentView,
  statusLabel: string | undefined,
  copySystemTags: boolean,
  notes: MappingNote[],
): string[] {
  const systemLabels = copySystemTags ? incident.systemTags.map(systemTagLabel) : [];
  if (systemLabels.length > 0) {
    notes.push(
      note(
        'labels',
        'system_tags_one_way',
        'Defender system tags copied as sys: labels; they do not travel back.',
        incident.systemTags.join(', '),
      ),
    );
  }
  return unionTags(incident.customTags, systemLabels, statusLabel ? [statusLabel] : []);
}

/**
 * Maps a Sentinel incident to the Graph v1.0 incident PATCH it corresponds to. Graph writes only
 * status, classification, determination, assignedTo and customTags; everything else Sentinel
 * holds is reported as a note. Reference: sync-semantics sections 1.4 and 6.
 */
import type { GraphIncidentPatch } from '../model/graphIncident.ts';
import {
  sentinelClassificationToGraph,
  type DeterminationMemory,
  type FalsePositiveReasonRule,
} from './classificationTable.ts';
import { isReservedLabel, syncableLabelNames } from './labelMapping.ts';
import { note, type MappingNote } from './mappingNote.ts';
import { sentinelOwnerToDefender } from './ownerMapping.ts';
import type { SentinelIncidentView } from './sentinelIncidentView.ts';
import { sentinelStatusToGraph } from './statusTable.ts';

/** Every field present; '' where nothing can be carried (the PATCH then leaves it alone). */
export interface MappedDefenderFields {
  status: string;
  classification: string;
  determination: string;
  /** '' means unassigned. */
  assignedTo: string;
  customTags: string[];
}

export interface MapSentinelToDefenderOptions {
  /** Determinations remembered for this incident pair, written back when they still fit. */
  memory?: DeterminationMemory;
  falsePositiveRule?: FalsePositiveReasonRule;
}

export function mapSentinelToDefender(
  incident: SentinelIncidentView,
  options: MapSentinelToDefenderOptions = {},
): {
  defender: MappedDefenderFields;
  patch: GraphIncidentPatch;
  determinationFromMemory: boolean;
  notes: MappingNote[];
} {
  const notes: MappingNote[] = [];
  const patch: GraphIncidentPatch = {};
  let determinationFromMemory = false;

  if (incident.status) patch.status = sentinelStatusToGraph(incident.status);

  if (incident.status === 'Closed') {
    const verdict = incident.classification
      ? sentinelClassificationToGraph(
          {
            classification: incident.classification,
            classificationReason: incident.classificationReason,
          },
          options.memory,
          options.falsePositiveRule,
        )
      : undefined;
    if (verdict) {
      patch.classification = verdict.classification;
      patch.determination = verdict.determination;
      determinationFromMemory = verdict.fromMemory;
      if (!verdict.fromMemory && verdict.classification !== 'unknown') {
        notes.push(
          note(
            'determination',
            'determination_not_carried',
            `Sentinel has no determination; ${verdict.determination} written as the default.`,
            verdict.determination,
          ),
        );
      }
    } else {
      notes.push(
        note(
          'classification',
          'unknown_value',
          'The close classification is not one of the five Sentinel pairs; not carried.',
          `${incident.classification ?? ''}/${incident.classificationReason ?? ''}`,
        ),
      );
    }
  }

  const owner = sentinelOwnerToDefender(incident.owner);
  patch.assignedTo = owner.assignedTo;
  notes.push(...owner.notes);

  patch.customTags = syncableLabelNames(incident.labels);
  const heldBack = incident.labels.filter(
    (label) => label.labelType === 'AutoAssigned' || isReservedLabel(label.labelName),
  );
  if (heldBack.length > 0) {
    notes.push(
      note(
        'customTags',
        'labels_not_synced',
        'Automatic and incident-bridge labels stay in Sentinel.',
        heldBack.map((label) => label.labelName).join(', '),
      ),
    );
  }

  notes.push(...readOnlyNotes(incident));

  const defender: MappedDefenderFields = {
    status: patch.status ?? '',
    classification: patch.classification ?? '',
    determination: patch.determination ?? '',
    assignedTo: patch.assignedTo ?? '',
    customTags: patch.customTags,
  };
  return { defender, patch, determinationFromMemory, notes };
}

function readOnlyNotes(incident: SentinelIncidentView): MappingNote[] {
  const notes = [
    note(
      'severity',
      'severity_not_writable',
      'Graph computes severity from alerts.',
      incident.severity,
    ),
    note(
      'displayName',
      'title_not_writable',
      'Graph incident titles are read-only.',
      incident.title,
    ),
  ];
  if (incident.description) {
    notes.push(
      note('description', 'description_not_writable', 'Graph incident descriptions are read-only.'),
    );
  }
  return notes;
}

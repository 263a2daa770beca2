/**
 * A note explains why a value could not be carried across, or was carried with a loss. Mapping
 * never fails on a value it does not know: it reports it here and leaves the target alone.
 */

export const MAPPING_NOTE_CODES = [
  'unknown_value',
  'determination_not_carried',
  'classification_not_closed',
  'severity_not_writable',
  'severity_unknown',
  'title_not_writable',
  'description_not_writable',
  'description_missing',
  'description_truncated',
  'owner_not_resolved',
  'owner_group',
  'status_redirected',
  'status_awaiting_action',
  'status_unknown',
  'system_tags_one_way',
  'labels_not_synced',
  'comments_not_mapped',
] as const;
export type MappingNoteCode = (typeof MAPPING_NOTE_CODES)[number];

export interface MappingNote {
  /** The target or source field the note is about, e.g. `classificationReason`. */
  field: string;
  code: MappingNoteCode;
  message: string;
  /** The value that was dropped or changed, as text; empty when there is none. */
  value: string;
}

export function note(
  field: string,
  code: MappingNoteCode,
  message: string,
  value: unknown = '',
): MappingNote {
  return {
    field,
    code,
    message,
    value: value === null || value === undefined ? '' : String(value),
  };
}

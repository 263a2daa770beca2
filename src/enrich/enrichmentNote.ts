/**
 * What enrichment could not do, or did differently than asked, and why. Notes never fail the
 * call: a playbook reads them to decide what to trust.
 */

export const ENRICHMENT_NOTE_CODES = [
  'entities_partial',
  'entities_fetched',
  'defender_unavailable',
  'sentinel_unavailable',
  'description_derived',
  'comment_split',
  'comment_truncated',
  'write_failed',
  'write_not_possible',
] as const;
export type EnrichmentNoteCode = (typeof ENRICHMENT_NOTE_CODES)[number];

export interface EnrichmentNote {
  field: string;
  code: EnrichmentNoteCode;
  message: string;
  value: string;
}

export function enrichmentNote(
  field: string,
  code: EnrichmentNoteCode,
  message: string,
  value: unknown = '',
): EnrichmentNote {
  return {
    field,
    code,
    message,
    value: value === null || value === undefined ? '' : String(value),
  };
}

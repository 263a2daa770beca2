/**
 * Failures of an enrichment the caller must see as such: the incident it names cannot be
 * found or belongs to no configured pair. Everything else (a provider, a write) is a note.
 */

export type EnrichmentErrorCode =
  'pair_not_configured' | 'sentinel_incident_not_found' | 'defender_incident_not_found';

export class EnrichmentError extends Error {
  constructor(
    readonly code: EnrichmentErrorCode,
    message: string,
    readonly detail: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'EnrichmentError';
  }
}

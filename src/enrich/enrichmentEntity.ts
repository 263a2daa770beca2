/**
 * The entities enrichment works on, whatever they were read from: Graph alert evidence,
 * Sentinel's entity list or the playbook trigger body. Kinds use Sentinel's entity vocabulary
 * (sync-semantics 1.7 and 3.8); evidence types Sentinel has no kind for keep a kind derived
 * from their Graph type name, so nothing is dropped.
 */

export const ENTITY_SOURCES = ['graphEvidence', 'sentinelEntities', 'triggerBody'] as const;
export type EntitySource = (typeof ENTITY_SOURCES)[number];

/** One sighting of an entity, before sightings of the same entity are merged. */
export interface EntitySighting {
  kind: string;
  displayName: string;
  /** What providers look up: an address, a UPN, a URL, a hash; '' when there is none. */
  value: string;
  /**
   * Keys that identify the entity (`account:aad:<guid>`, `ip:10.0.0.1`). Sightings sharing any
   * key are one entity.
   */
  identities: string[];
  /** Normalised facts, e.g. `upn`, `aadUserId`, `domain`, `algorithm`. */
  attributes: Record<string, string>;
  source: EntitySource;
  alertId?: string;
  /** Graph evidence verdict (`malicious`, `suspicious`, ...), when the source has one. */
  verdict?: string;
  roles?: string[];
}

/** A de-duplicated entity with every source and alert that mentions it. */
export interface EnrichmentEntity {
  /** Stable within one enrichment: the entity's first identity. */
  key: string;
  kind: string;
  displayName: string;
  value: string;
  identities: string[];
  attributes: Record<string, string>;
  sources: EntitySource[];
  alertIds: string[];
  verdicts: string[];
  roles: string[];
}

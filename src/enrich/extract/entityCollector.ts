/**
 * Merges sightings into entities. Two sightings are one entity when they share any identity
 * (an account seen by its Entra object id in one alert and by its UPN in another, with both in
 * a third, ends up as one entity). The first sighting names the entity; later ones add
 * identities, attributes, sources, alerts and verdicts.
 */
import type { EnrichmentEntity, EntitySighting } from '../enrichmentEntity.ts';

export class EntityCollector {
  private readonly byIdentity = new Map<string, EnrichmentEntity>();
  private readonly entities: EnrichmentEntity[] = [];

  add(sighting: EntitySighting): void {
    const matches = [
      ...new Set(sighting.identities.flatMap((identity) => this.byIdentity.get(identity) ?? [])),
    ];
    const [target, ...others] = matches;
    const entity = target ?? this.create(sighting);

    for (const other of others) this.absorb(entity, other);
    mergeSighting(entity, sighting);
    for (const identity of entity.identities) this.byIdentity.set(identity, entity);
  }

  addAll(sightings: Iterable<EntitySighting>): void {
    for (const sighting of sightings) this.add(sighting);
  }

  /** In first-seen order. */
  list(): EnrichmentEntity[] {
    return [...this.entities];
  }

  private create(sighting: EntitySighting): EnrichmentEntity {
    const entity: EnrichmentEntity = {
      key: sighting.identities[0] ?? `${sighting.kind}:${this.entities.length}`,
      kind: sighting.kind,
      displayName: sighting.displayName,
      value: sighting.value,
      identities: [],
      attributes: {},
      sources: [],
      alertIds: [],
      verdicts: [],
      roles: [],
    };
    this.entities.push(entity);
    return entity;
  }

  private absorb(into: EnrichmentEntity, other: EnrichmentEntity): void {
    addAll(into.identities, other.identities);
    addAll(into.sources, other.sources);
    addAll(into.alertIds, other.alertIds);
    addAll(into.verdicts, other.verdicts);
    addAll(into.roles, other.roles);
    fillAttributes(into, other.attributes);
    this.entities.splice(this.entities.indexOf(other), 1);
  }
}

function mergeSighting(entity: EnrichmentEntity, sighting: EntitySighting): void {
  addAll(entity.identities, sighting.identities);
  addAll(entity.sources, [sighting.source]);
  if (sighting.alertId) addAll(entity.alertIds, [sighting.alertId]);
  if (sighting.verdict && sighting.verdict !== 'unknown')
    addAll(entity.verdicts, [sighting.verdict]);
  addAll(entity.roles, sighting.roles ?? []);
  fillAttributes(entity, sighting.attributes);
  if (!entity.value) entity.value = sighting.value;
}

/** Attributes already known keep their first value; gaps are filled from later sightings. */
function fillAttributes(entity: EnrichmentEntity, attributes: Record<string, string>): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (!entity.attributes[name]) entity.attributes[name] = value;
  }
}

function addAll<T>(list: T[], items: readonly T[]): void {
  for (const item of items) if (!list.includes(item)) list.push(item);
}

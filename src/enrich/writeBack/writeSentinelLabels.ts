/**
 * Sets the enrichment's labels (and, when asked, a description built from the alerts) on a
 * Sentinel incident. Sentinel has no PATCH: the incident is read, changed and PUT back whole
 * with the etag it was read with. A 409 means someone (a status sync, an analyst) wrote in
 * between: read again, apply again, within a bound (BR-12). The `enrich:` labels are replaced
 * as a set; every other label is kept as it is.
 */
import { randomInt } from 'node:crypto';
import type { SentinelIncidentsClient } from '../../clients/sentinelIncidentsClient.ts';
import type { SentinelIncidentProperties, SentinelLabel } from '../../model/sentinelIncident.ts';
import { ENRICHMENT_LABEL_PREFIX, sameTagSet, tagKey } from '../../mapping/labelMapping.ts';

export interface SentinelEnrichmentWrite {
  /** The `enrich:` labels the incident should carry; undefined leaves labels alone. */
  labels?: readonly string[];
  /** Written only when the incident has no description at the time of the write. */
  description?: string;
}

export type SentinelWriteOutcome =
  | { kind: 'written'; changed: boolean; attempts: number; descriptionWritten: boolean }
  | { kind: 'failed'; reason: string; attempts: number };

export interface WriteSentinelLabelsOptions {
  maxAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
}

export async function writeSentinelLabels(
  client: Pick<SentinelIncidentsClient, 'get' | 'put'>,
  incidentName: string,
  write: SentinelEnrichmentWrite,
  options: WriteSentinelLabelsOptions = {},
): Promise<SentinelWriteOutcome> {
  const maxAttempts = options.maxAttempts ?? 4;
  const sleep =
    options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    const incident = await client.get(incidentName);
    if (!incident)
      return {
        kind: 'failed',
        reason: 'the Sentinel incident no longer exists',
        attempts: attempt,
      };

    const planned = plan(incident.properties, write);
    if (!planned.changed) {
      return { kind: 'written', changed: false, attempts: attempt, descriptionWritten: false };
    }

    const result = await client.put(incidentName, planned.properties, incident.etag ?? undefined);
    if (result.kind === 'written') {
      return {
        kind: 'written',
        changed: true,
        attempts: attempt,
        descriptionWritten: planned.descriptionWritten,
      };
    }
    if (result.kind === 'rejected') {
      return {
        kind: 'failed',
        reason: `Sentinel refused the update (${result.remoteCode})`,
        attempts: attempt,
      };
    }
    await sleep(randomInt(50, 100 * 2 ** attempt));
  }
  return { kind: 'failed', reason: 'Sentinel kept answering 409 Conflict', attempts: maxAttempts };
}

function plan(
  current: SentinelIncidentProperties,
  write: SentinelEnrichmentWrite,
): { properties: SentinelIncidentProperties; changed: boolean; descriptionWritten: boolean } {
  const properties = structuredClone(current);
  const labels: SentinelLabel[] = current.labels ?? [];
  if (write.labels) {
    const kept = labels.filter(
      (label) =>
        label.labelType === 'AutoAssigned' ||
        !tagKey(label.labelName).startsWith(ENRICHMENT_LABEL_PREFIX),
    );
    const ours = write.labels.map((labelName) => ({ labelName, labelType: 'User' }));
    properties.labels = [...kept, ...ours];
  }

  const labelsChanged = !sameTagSet(
    labels.map((label) => label.labelName),
    (properties.labels ?? []).map((label) => label.labelName),
  );
  const descriptionWritten = Boolean(write.description) && !(current.description ?? '').trim();
  if (descriptionWritten) properties.description = write.description;
  return { properties, changed: labelsChanged || descriptionWritten, descriptionWritten };
}

/**
 * The checks `Incidents_CreateOrUpdate` makes on a PUT body before writing anything. The
 * first problem found is the 400 answer; enum values are matched ignoring case and handed
 * back in their canonical spelling.
 */
import {
  isValidClosePair,
  SENTINEL_CLASSIFICATION_REASONS,
  SENTINEL_CLASSIFICATIONS,
  SENTINEL_LIMITS,
  SENTINEL_SEVERITIES,
  SENTINEL_STATUSES,
} from '../../model/sentinelIncident.ts';
import { looksLikeTimestamp } from '../timestamps.ts';

export interface ValidIncidentBody {
  etag: string | undefined;
  properties: Record<string, unknown>;
  /** Canonical spellings of the enum properties that were sent. */
  severity: string;
  status: string;
  classification: string | undefined;
  classificationReason: string | undefined;
}

export type IncidentBodyCheck =
  { ok: true; body: ValidIncidentBody } | { ok: false; message: string };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function validateIncidentBody(body: unknown): IncidentBodyCheck {
  if (!isObject(body) || !isObject(body['properties'])) {
    return fail("The request body must be an incident with a 'properties' object.");
  }
  const properties = body['properties'];
  const etag = typeof body['etag'] === 'string' ? body['etag'] : undefined;

  const title = properties['title'];
  if (typeof title !== 'string' || title.trim() === '') {
    return fail("'title' must have a non-empty value.");
  }

  const severity = enumValue(properties, 'severity', SENTINEL_SEVERITIES, true);
  if (!severity.ok) return severity;
  const status = enumValue(properties, 'status', SENTINEL_STATUSES, true);
  if (!status.ok) return status;
  const classification = enumValue(properties, 'classification', SENTINEL_CLASSIFICATIONS, false);
  if (!classification.ok) return classification;
  const reason = enumValue(
    properties,
    'classificationReason',
    SENTINEL_CLASSIFICATION_REASONS,
    false,
  );
  if (!reason.ok) return reason;

  if (status.value === 'Closed') {
    const closing = checkClosePair(classification.value, reason.value);
    if (closing) return fail(closing);
  }

  const other = checkOtherProperties(properties);
  if (other) return fail(other);

  return {
    ok: true,
    body: {
      etag,
      properties,
      severity: severity.value ?? '',
      status: status.value ?? '',
      classification: classification.value,
      classificationReason: reason.value,
    },
  };
}

function checkClosePair(classification: string | undefined, reason: string | undefined) {
  if (!classification) return "A 'Closed' incident must have a classification.";
  if (isValidClosePair(classification, reason)) return undefined;

  if (classification === 'Undetermined') {
    return "classification 'Undetermined' must not have classificationReason";
  }
  if (!reason) return `classification '${classification}' must have classificationReason`;
  return `classificationReason '${reason}' is not valid with classification '${classification}'`;
}

function checkOtherProperties(properties: Record<string, unknown>): string | undefined {
  const description = properties['description'];
  if (description !== undefined && description !== null && typeof description !== 'string') {
    return "'description' must be a string.";
  }
  if (typeof description === 'string' && description.length > SENTINEL_LIMITS.descriptionMaxChars) {
    return `'description' must not exceed ${SENTINEL_LIMITS.descriptionMaxChars} characters.`;
  }

  for (const field of ['firstActivityTimeUtc', 'lastActivityTimeUtc']) {
    const value = properties[field];
    if (
      value !== undefined &&
      value !== null &&
      !(typeof value === 'string' && looksLikeTimestamp(value))
    ) {
      return `'${field}' must be a date-time.`;
    }
  }

  const labels = properties['labels'];
  if (labels !== undefined && labels !== null) {
    const valid =
      Array.isArray(labels) &&
      labels.every(
        (label) =>
          isObject(label) && typeof label['labelName'] === 'string' && label['labelName'] !== '',
      );
    if (!valid) return "'labels' must be a list of objects with a non-empty 'labelName'.";
  }

  const owner = properties['owner'];
  if (owner !== undefined && owner !== null) {
    if (!isObject(owner)) return "'owner' must be an object.";
    const objectId = owner['objectId'];
    if (
      objectId !== undefined &&
      objectId !== null &&
      !(typeof objectId === 'string' && GUID.test(objectId))
    ) {
      return "'owner.objectId' must be a GUID.";
    }
  }
  return undefined;
}

type EnumCheck = { ok: true; value: string | undefined } | { ok: false; message: string };

function enumValue(
  properties: Record<string, unknown>,
  field: string,
  members: readonly string[],
  required: boolean,
): EnumCheck {
  const value = properties[field];
  if (value === undefined || value === null || value === '') {
    return required ? fail(`'${field}' is required.`) : { ok: true, value: undefined };
  }

  const member =
    typeof value === 'string'
      ? members.find((candidate) => candidate.toLowerCase() === value.toLowerCase())
      : undefined;
  if (!member) {
    return fail(
      `'${field}' has an invalid value '${String(value)}'; allowed: ${members.join(', ')}.`,
    );
  }
  return { ok: true, value: member };
}

function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

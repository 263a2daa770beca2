/**
 * Log redaction by allowlist: a log line keeps only the fields named here, and inside `err`
 * and `caller` only their named parts; any other field is written as `[redacted]`, so a
 * request, a header or a remote body passed by mistake never reaches the log. Every string
 * kept is scrubbed as well: bearer tokens, JWTs, generated API keys and the secrets of URLs
 * (the `sig` of a Logic Apps callback URL above all) are cut out, also when URL-encoded.
 * A new field is added here on purpose, after checking it can carry no secret.
 */

export const REDACTED = '[redacted]';

/** Top-level fields a line may carry. */
const ALLOWED_FIELDS = new Set([
  // pino's own
  'level',
  'time',
  'pid',
  'hostname',
  'service',
  'msg',
  // request lines
  'requestId',
  'operation',
  'method',
  'path',
  'status',
  'durationMs',
  'caller',
  'problem',
  // errors and outcomes
  'err',
  'code',
  'detail',
  'outcome',
  'trigger',
  // sync and jobs
  'pair',
  'pairs',
  'linkId',
  'jobId',
  'attempt',
  'attempts',
  'retryInMs',
  'sentinelChanges',
  'defenderChanges',
  'replicaId',
  // service lifecycle
  'url',
  'signal',
]);

/** Objects kept with only these parts. */
const ALLOWED_PARTS: Record<string, ReadonlySet<string>> = {
  err: new Set(['type', 'name', 'message', 'code', 'status', 'stack']),
  caller: new Set(['kind', 'keyId', 'tenantId', 'objectId', 'appId']),
};

const MAX_STRING_LENGTH = 4096;

/** URL parameters that carry a secret: SAS signatures, OAuth codes and tokens, keys. */
const SECRET_NAMES = [
  'sig',
  'signature',
  'code',
  'client_secret',
  'access_token',
  'refresh_token',
  'id_token',
  'api[-_]?key',
  'key',
  'token',
  'password',
];
/** `name=` or `name%3D` after a separator, then the value up to the next separator. */
const SECRET_PARAMETER = new RegExp(
  `((?:^|[?&;\\s"']|%26|%3F)(?:${SECRET_NAMES.join('|')})(?:=|%3D))` +
    `[^&#\\s"'%]*(?:%[0-9A-Fa-f]{2}[^&#\\s"'%]*)*`,
  'gi',
);
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
const JWT = /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
const GENERATED_API_KEY = /\bib_[A-Za-z0-9_-]{16,}/g;
/**
 * Something every pattern above needs (`=` or `%3D`, a scheme word, `eyJ`, `ib_`). Most logged
 * strings (ids, operation names, paths) have none, and one test spares them four replaces.
 */
const MAY_HOLD_SECRET = /=|%3d|bearer|basic|eyJ|ib_/i;

export function redactLogFields(fields: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (!ALLOWED_FIELDS.has(key)) {
      kept[key] = REDACTED;
      continue;
    }
    const parts = ALLOWED_PARTS[key];
    kept[key] = parts ? keepParts(value, parts) : keepValue(value);
  }
  return kept;
}

/** Cuts secrets out of free text: error messages, stacks, paths. */
export function scrubText(text: string): string {
  const short = text.length > MAX_STRING_LENGTH ? `${text.slice(0, MAX_STRING_LENGTH)}…` : text;
  if (!MAY_HOLD_SECRET.test(short)) return short;
  return short
    .replace(SECRET_PARAMETER, `$1${REDACTED}`)
    .replace(BEARER, `$1 ${REDACTED}`)
    .replace(JWT, REDACTED)
    .replace(GENERATED_API_KEY, REDACTED);
}

function keepParts(value: unknown, parts: ReadonlySet<string>): unknown {
  if (typeof value !== 'object' || value === null) return keepValue(value);

  const source = value as Record<string, unknown>;
  const kept: Record<string, unknown> = {};
  if (value instanceof Error) kept['type'] = value.name;
  for (const part of parts) {
    const partValue = source[part];
    if (partValue !== undefined) kept[part] = keepValue(partValue);
  }
  return kept;
}

/** Primitives and lists of primitives; any other object is withheld. */
function keepValue(value: unknown): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
  if (Array.isArray(value))
    return value.map((item) => (isPlain(item) ? keepValue(item) : REDACTED));
  return value === undefined ? undefined : REDACTED;
}

function isPlain(value: unknown): boolean {
  return ['string', 'number', 'boolean'].includes(typeof value) || value === null;
}

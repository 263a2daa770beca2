/**
 * Every problem code the API answers with, its HTTP status and title. Codes are stable: clients
 * and playbooks branch on them. A code is never reused for another meaning.
 */

export const PROBLEM_CODES = {
  request_invalid: { status: 400, title: 'The request is not valid' },
  malformed_json: { status: 400, title: 'The body is not valid JSON' },
  request_malformed: { status: 400, title: 'The request is not valid HTTP' },
  lookup_key_required: { status: 400, title: 'Give exactly one lookup key' },
  target_required: { status: 400, title: 'Name exactly one incident' },
  credentials_missing: { status: 401, title: 'A credential is required' },
  credentials_invalid: { status: 401, title: 'The credential is not accepted' },
  role_missing: { status: 403, title: 'The caller lacks a role this operation requires' },
  route_not_found: { status: 404, title: 'No such operation' },
  pair_not_configured: { status: 404, title: 'No pair is configured for this incident' },
  sentinel_incident_not_found: { status: 404, title: 'Sentinel incident not found' },
  defender_incident_not_found: { status: 404, title: 'Defender incident not found' },
  link_not_found: { status: 404, title: 'No link for this incident' },
  dead_letter_not_found: { status: 404, title: 'No such dead-lettered job' },
  method_not_allowed: { status: 405, title: 'Method not allowed on this path' },
  request_too_slow: { status: 408, title: 'The request was not received in time' },
  sync_conflict_persistent: { status: 409, title: 'The incident kept changing during the sync' },
  idempotency_in_progress: {
    status: 409,
    title: 'A request with this Idempotency-Key is still running',
  },
  body_too_large: { status: 413, title: 'The body is too large' },
  unsupported_media_type: { status: 415, title: 'The body must be application/json' },
  update_invalid: { status: 422, title: 'The update cannot be applied' },
  idempotency_key_reused: {
    status: 422,
    title: 'The Idempotency-Key was used for another request',
  },
  rate_limited: { status: 429, title: 'Too many requests from this caller' },
  headers_too_large: { status: 431, title: 'The request line or headers are too large' },
  internal_error: { status: 500, title: 'incident-bridge failed unexpectedly' },
  sentinel_write_rejected: { status: 502, title: 'Sentinel refused the update' },
  upstream_failed: { status: 502, title: 'A Microsoft API call failed' },
  upstream_throttled: { status: 503, title: 'A Microsoft API is throttling incident-bridge' },
  token_keys_unavailable: { status: 503, title: 'The token signing keys could not be fetched' },
  request_timeout: { status: 504, title: 'The request took too long' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemCode = keyof typeof PROBLEM_CODES;

/** Problem types are URNs: stable names, not links that could break. */
export function problemType(code: ProblemCode): string {
  return `urn:incident-bridge:problem:${code}`;
}

/**
 * Why a request's credential was refused. `detail` is written for the caller: it says what
 * to fix (an expired token, a wrong audience) and never echoes the credential.
 */

export type InboundAuthErrorCode =
  /** No credential at all. */
  | 'credentials_missing'
  /** A credential was sent and refused. */
  | 'credentials_invalid'
  /** The tenant's signing keys could not be fetched; the token could not be checked. */
  | 'token_keys_unavailable';

export class InboundAuthError extends Error {
  override readonly name = 'InboundAuthError';

  constructor(
    readonly code: InboundAuthErrorCode,
    readonly detail: string,
  ) {
    super(detail);
  }
}

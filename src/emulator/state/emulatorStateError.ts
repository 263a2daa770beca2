/**
 * A direct state operation (test helper or control API) named something that does not
 * exist, or named it ambiguously.
 */
export type EmulatorStateErrorCode = 'notFound' | 'ambiguous' | 'invalid';

export class EmulatorStateError extends Error {
  override readonly name = 'EmulatorStateError';

  readonly code: EmulatorStateErrorCode;

  constructor(code: EmulatorStateErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

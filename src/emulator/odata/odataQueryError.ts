/**
 * A query option (`$filter`, `$orderby`, ...) the emulator cannot accept. Handlers turn it
 * into the 400 body of the API being called.
 */
export class ODataQueryError extends Error {
  override readonly name = 'ODataQueryError';

  /** The query option at fault, e.g. `$filter`. */
  readonly option: string;

  /** Zero-based character offset in the option's text, when the fault has a position. */
  readonly position: number | undefined;

  constructor(option: string, message: string, position?: number) {
    super(message);
    this.option = option;
    this.position = position;
  }
}

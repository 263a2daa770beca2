/**
 * The contract holds something the generator cannot express in Swagger 2.0. It names every
 * place at once (as JSON pointers into openapi.yaml) so one run lists all there is to fix.
 */
export class ConnectorGenerationError extends Error {
  readonly code = 'connector_generation_failed';

  constructor(readonly problems: readonly string[]) {
    super(`The contract cannot become a connector definition:\n- ${problems.join('\n- ')}`);
    this.name = 'ConnectorGenerationError';
  }
}

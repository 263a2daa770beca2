/**
 * A certification rule of the Power Platform connector validator, checked offline. Rule ids
 * are the validator's own names where it has one, so a finding reads like its PR comment.
 */
import type { SwaggerDocument } from '../swaggerTypes.ts';
import type { LintFinding } from '../../lint/lintFinding.ts';

export interface ConnectorRule {
  id: string;
  check(document: SwaggerDocument): LintFinding[];
}

/**
 * Rules on each action: a unique PascalCase alphanumeric operationId, a designer-safe summary
 * (sentence case, at most 80 characters, no restricted characters, no trailing punctuation),
 * a description that is a sentence and differs from the summary, and an `x-ms-visibility`.
 */
import type { ConnectorRule } from './connectorRule.ts';
import { finding, warning, type LintFinding } from '../../lint/lintFinding.ts';
import { operationsOf } from './swaggerWalk.ts';

const MAX_OPERATIONS = 256;
const MAX_OPERATION_ID_LENGTH = 80;
const VISIBILITIES = new Set(['important', 'advanced', 'internal']);

export const operationRules: readonly ConnectorRule[] = [
  {
    id: 'OperationId',
    check: (document) => {
      const found: LintFinding[] = [];
      const seen = new Map<string, string>();
      for (const { operation, at } of operationsOf(document)) {
        const id = operation.operationId;
        if (!id) {
          found.push(finding('OperationIdRequired', at, 'an operationId is required'));
          continue;
        }
        if (seen.has(id)) {
          found.push(finding('OperationIdNotUnique', `${at}/operationId`, `'${id}' is used twice`));
        }
        seen.set(id, at);
        if (id !== id.replace(/[^A-Za-z0-9]/g, '')) {
          found.push(
            finding('OperationIdSanitized', `${at}/operationId`, `'${id}' must be alphanumeric`),
          );
        }
        if (!/^[A-Z][A-Za-z0-9]*$/.test(id)) {
          found.push(
            finding('OperationIdPascalCase', `${at}/operationId`, `'${id}' is not PascalCase`),
          );
        }
        if (id.length > MAX_OPERATION_ID_LENGTH) {
          found.push(finding('OperationIdTooLong', `${at}/operationId`, `'${id}' is too long`));
        }
      }
      return found;
    },
  },
  {
    id: 'OperationSummary',
    check: (document) =>
      operationsOf(document).flatMap(({ operation, at }) => checkSummary(operation.summary, at)),
  },
  {
    id: 'OperationDescription',
    check: (document) =>
      operationsOf(document).flatMap(({ operation, at }) => {
        const description = operation.description ?? '';
        if (!description) {
          return [finding('OperationDescriptionRequired', at, 'a description is required')];
        }
        const found: LintFinding[] = [];
        if (!/[.!?)]$/.test(description)) {
          found.push(
            finding('OperationDescriptionSentence', `${at}/description`, 'must end with a period'),
          );
        }
        if (description.trim() === (operation.summary ?? '').trim()) {
          found.push(
            finding(
              'OperationDescriptionSameAsSummary',
              `${at}/description`,
              'repeats the summary',
            ),
          );
        }
        return found;
      }),
  },
  {
    id: 'OperationVisibility',
    check: (document) =>
      operationsOf(document).flatMap(({ operation, at }) => {
        const visibility = operation['x-ms-visibility'];
        if (visibility === undefined) {
          return [
            finding(
              'OperationVisibility',
              at,
              "'x-ms-visibility' is required on every action; set it on the operation in openapi.yaml",
            ),
          ];
        }
        return VISIBILITIES.has(String(visibility))
          ? []
          : [
              finding(
                'OperationVisibility',
                `${at}/x-ms-visibility`,
                `'${String(visibility)}' is not important, advanced or internal`,
              ),
            ];
      }),
  },
  {
    id: 'TooManyOperations',
    check: (document) => {
      const count = operationsOf(document).length;
      return count > MAX_OPERATIONS
        ? [
            finding(
              'TooManyOperations',
              '#/paths',
              `${count} operations; at most ${MAX_OPERATIONS}`,
            ),
          ]
        : [];
    },
  },
];

function checkSummary(summary: string | undefined, at: string): LintFinding[] {
  const where = `${at}/summary`;
  if (!summary) return [finding('OperationSummaryRequired', at, 'a summary is required')];

  const found: LintFinding[] = [];
  if (summary.length > 80) {
    found.push(
      finding('OperationSummaryTooLong', where, `${summary.length} characters; at most 80`),
    );
  }
  if (/[/\\<>*%&?]/.test(summary)) {
    found.push(
      finding('RestrictedCharactersInSummary', where, 'must not contain any of / \\ < > * % & ?'),
    );
  }
  if (!/[A-Za-z0-9)]$/.test(summary)) {
    found.push(
      finding('SummaryMustEndWithAlphanumeric', where, `must not end with '${summary.slice(-1)}'`),
    );
  }
  if (!/^[A-Z]/.test(summary)) {
    found.push(warning('SummarySentenceCase', where, 'should start with a capital letter'));
  }
  return found;
}

/**
 * Rules on responses: one typed 200 or 201 the designer turns into dynamic content, no more
 * than one response schema per action, and a `default` response with a description only.
 */
import type { ConnectorRule } from './connectorRule.ts';
import { finding, type LintFinding } from '../../lint/lintFinding.ts';
import { operationsOf, resolveSchema } from './swaggerWalk.ts';

export const responseRules: readonly ConnectorRule[] = [
  {
    id: 'OperationShouldHaveSuccessfulResponse',
    check: (document) =>
      operationsOf(document).flatMap(({ operation, at }) => {
        const success = Object.entries(operation.responses ?? {}).filter(([status]) =>
          /^2\d\d$/.test(status),
        );
        if (success.length === 0) {
          return [
            finding('OperationShouldHaveSuccessfulResponse', `${at}/responses`, 'no 2xx response'),
          ];
        }
        const typed = success.find(([, response]) => response.schema !== undefined);
        if (!typed) {
          return [
            finding(
              'SchemaDefinitionSetIncorrectly',
              `${at}/responses`,
              'should define an output schema on the 200 or 201 response',
            ),
          ];
        }
        const schema = resolveSchema(document, typed[1].schema ?? {});
        return Object.keys(schema).length === 0
          ? [
              finding(
                'EmptySchema',
                `${at}/responses/${typed[0]}/schema`,
                'the output schema is empty',
              ),
            ]
          : [];
      }),
  },
  {
    id: 'OperationHasManyResponsesWithSchema',
    check: (document) =>
      operationsOf(document).flatMap(({ operation, at }) => {
        const typed = Object.entries(operation.responses ?? {}).filter(
          ([, response]) => response.schema !== undefined,
        );
        return typed.length > 1
          ? [
              finding(
                'OperationHasManyResponsesWithSchema',
                `${at}/responses`,
                `${typed.map(([status]) => status).join(', ')} all have schemas; the designer reads one`,
              ),
            ]
          : [];
      }),
  },
  {
    id: 'DefaultResponseHasSchema',
    check: (document) =>
      operationsOf(document).flatMap(({ operation, at }) => {
        const fallback = operation.responses?.['default'];
        const found: LintFinding[] = [];
        if (fallback?.schema !== undefined) {
          found.push(
            finding(
              'DefaultResponseHasSchema',
              `${at}/responses/default`,
              'the default response must not have a schema',
            ),
          );
        }
        for (const [status, response] of Object.entries(operation.responses ?? {})) {
          if (!response.description) {
            found.push(
              finding('ResponseDescription', `${at}/responses/${status}`, 'needs a description'),
            );
          }
        }
        return found;
      }),
  },
];

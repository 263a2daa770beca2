/**
 * Rules on action parameters: every one has `x-ms-summary` and a description; path
 * parameters are required, appear in the path template and say how they are URL-encoded;
 * `connectionId` is reserved; a GET has no body and no action has two; an internal required
 * parameter carries a default.
 */
import type { ConnectorRule } from './connectorRule.ts';
import { finding, type LintFinding } from '../../lint/lintFinding.ts';
import { operationsOf } from './swaggerWalk.ts';

export const parameterRules: readonly ConnectorRule[] = [
  {
    id: 'ParameterLabels',
    check: (document) =>
      operationsOf(document).flatMap(({ operation, at }) =>
        (operation.parameters ?? []).flatMap((parameter, index) => {
          const where = `${at}/parameters/${index}`;
          const found: LintFinding[] = [];
          if (!parameter['x-ms-summary']) {
            found.push(
              finding('ParameterSummaryRequired', where, "the 'x-ms-summary' property is required"),
            );
          }
          if (!parameter.description) {
            found.push(
              finding(
                'ParameterDescriptionRequired',
                where,
                "the 'description' property is required",
              ),
            );
          }
          return found;
        }),
      ),
  },
  {
    id: 'PathParameters',
    check: (document) =>
      operationsOf(document).flatMap(({ path, operation, at }) => {
        const found: LintFinding[] = [];
        const inTemplate = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
        const declared = new Set<string>();
        (operation.parameters ?? []).forEach((parameter, index) => {
          if (parameter.in !== 'path') return;
          const where = `${at}/parameters/${index}`;
          declared.add(parameter.name);
          if (parameter.required !== true) {
            found.push(
              finding('PathParameterMustBeRequired', where, `'${parameter.name}' must be required`),
            );
          }
          if (!inTemplate.includes(parameter.name)) {
            found.push(
              finding('PathParameterNotInPath', where, `'${parameter.name}' is not in ${path}`),
            );
          }
          if (parameter['x-ms-url-encoding'] === undefined) {
            found.push(
              finding(
                'PathParameterMissingEncoding',
                where,
                "set 'x-ms-url-encoding' to single or double",
              ),
            );
          }
        });
        for (const name of inTemplate) {
          if (name && !declared.has(name)) {
            found.push(finding('PathParameterNotDefined', at, `{${name}} has no path parameter`));
          }
        }
        return found;
      }),
  },
  {
    id: 'ConnectionIdParameterNotAllowed',
    check: (document) =>
      operationsOf(document).flatMap(({ operation, at }) =>
        (operation.parameters ?? []).flatMap((parameter, index) =>
          parameter.name.toLowerCase() === 'connectionid'
            ? [
                finding(
                  'ConnectionIdParameterNotAllowed',
                  `${at}/parameters/${index}`,
                  "'connectionId' is reserved by the platform",
                ),
              ]
            : [],
        ),
      ),
  },
  {
    id: 'BodyParameters',
    check: (document) =>
      operationsOf(document).flatMap(({ method, operation, at }) => {
        const bodies = (operation.parameters ?? []).filter((parameter) => parameter.in === 'body');
        const found: LintFinding[] = [];
        if (method === 'get' && bodies.length > 0) {
          found.push(finding('GetWithBody', at, 'a GET action cannot take a body'));
        }
        if (bodies.length > 1) {
          found.push(finding('MultipleBodyParameters', at, 'an action takes at most one body'));
        }
        return found;
      }),
  },
  {
    id: 'PropertyMustBeRequired',
    check: (document) =>
      operationsOf(document).flatMap(({ operation, at }) =>
        (operation.parameters ?? []).flatMap((parameter, index) => {
          if (parameter['x-ms-visibility'] !== 'internal') return [];
          const where = `${at}/parameters/${index}`;
          if (parameter.required !== true) {
            return [
              finding('PropertyMustBeRequired', where, 'an internal parameter must be required'),
            ];
          }
          return parameter['default'] === undefined
            ? [
                finding(
                  'InternalParameterDefault',
                  where,
                  'an internal required parameter needs a default',
                ),
              ]
            : [];
        }),
      ),
  },
];

/**
 * Rules on dropdowns: an `x-ms-dynamic-values` names an existing operation whose response
 * holds the array at `value-collection` with `value-path` (and `value-title`) in its items,
 * and `x-ms-dynamic-list` goes with it and names the same operation.
 */
import type { SwaggerDocument, SwaggerSchema } from '../swaggerTypes.ts';
import type { ConnectorRule } from './connectorRule.ts';
import { finding, type LintFinding } from '../../lint/lintFinding.ts';
import { operationsOf, resolveSchema, schemasOf, type OperationEntry } from './swaggerWalk.ts';

interface Dropdown {
  values: Record<string, unknown>;
  list: Record<string, unknown> | undefined;
  at: string;
}

export const dynamicValueRules: readonly ConnectorRule[] = [
  {
    id: 'DynamicValues',
    check: (document) => {
      const operations = new Map(
        operationsOf(document).map((entry) => [entry.operation.operationId, entry]),
      );
      return dropdownsOf(document).flatMap((dropdown) =>
        checkDropdown(document, operations, dropdown),
      );
    },
  },
];

function dropdownsOf(document: SwaggerDocument): Dropdown[] {
  const fromParameters = operationsOf(document).flatMap(({ operation, at }) =>
    (operation.parameters ?? []).map((parameter, index) => ({
      holder: parameter as SwaggerSchema,
      at: `${at}/parameters/${index}`,
    })),
  );
  const fromSchemas = schemasOf(document).map(({ schema, at }) => ({ holder: schema, at }));
  return [...fromParameters, ...fromSchemas].flatMap(({ holder, at }) => {
    const values = holder['x-ms-dynamic-values'];
    if (typeof values !== 'object' || values === null) return [];
    return [
      {
        values: values as Record<string, unknown>,
        list: holder['x-ms-dynamic-list'] as Record<string, unknown> | undefined,
        at,
      },
    ];
  });
}

function checkDropdown(
  document: SwaggerDocument,
  operations: Map<string, OperationEntry>,
  { values, list, at }: Dropdown,
): LintFinding[] {
  const operationId = String(values['operationId'] ?? '');
  const source = operations.get(operationId);
  if (!source) {
    return [
      finding(
        'DynamicValuesOperationNotFound',
        `${at}/x-ms-dynamic-values`,
        `no operation '${operationId}'`,
      ),
    ];
  }

  const found: LintFinding[] = [];
  const items = itemsAt(document, source, String(values['value-collection'] ?? ''));
  if (!items) {
    found.push(
      finding(
        'DynamicValuesPathNotFound',
        `${at}/x-ms-dynamic-values`,
        `${operationId} returns no array at '${String(values['value-collection'])}'`,
      ),
    );
  } else {
    for (const key of ['value-path', 'value-title']) {
      const property = values[key];
      if (typeof property === 'string' && !propertyAt(document, items, property)) {
        found.push(
          finding(
            'DynamicValuesPathNotFound',
            `${at}/x-ms-dynamic-values/${key}`,
            `the items of ${operationId} have no '${property}'`,
          ),
        );
      }
    }
  }

  if (!list) {
    found.push(
      finding('DynamicListMissing', at, "add 'x-ms-dynamic-list' beside 'x-ms-dynamic-values'"),
    );
  } else if (list['operationId'] !== operationId) {
    found.push(
      finding('DynamicListMismatch', `${at}/x-ms-dynamic-list`, 'names another operation'),
    );
  }
  return found;
}

function itemsAt(
  document: SwaggerDocument,
  source: OperationEntry,
  path: string,
): SwaggerSchema | undefined {
  const success = Object.entries(source.operation.responses ?? {}).find(
    ([status, response]) => status.startsWith('2') && response.schema,
  );
  let schema: SwaggerSchema | undefined = success
    ? resolveSchema(document, success[1].schema ?? {})
    : undefined;
  for (const segment of path.split('/').filter((part) => part.length > 0)) {
    schema = schema ? propertyAt(document, schema, segment) : undefined;
  }
  if (!schema || schema['type'] !== 'array') return undefined;
  return resolveSchema(document, (schema['items'] as SwaggerSchema | undefined) ?? {});
}

function propertyAt(
  document: SwaggerDocument,
  schema: SwaggerSchema,
  name: string,
): SwaggerSchema | undefined {
  const properties = resolveSchema(document, schema)['properties'] as
    Record<string, SwaggerSchema> | undefined;
  const property = properties?.[name];
  return property ? resolveSchema(document, property) : undefined;
}

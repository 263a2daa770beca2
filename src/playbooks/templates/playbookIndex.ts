/**
 * `playbooks/README.md`: the packaged playbooks, and the connector's actions as a low-code
 * author finds them in the designer (name, summary, inputs, outputs), written from the
 * catalog and the generated Swagger so it cannot fall behind either.
 */
import type {
  SwaggerDocument,
  SwaggerParameter,
  SwaggerSchema,
} from '../../connector/swaggerTypes.ts';
import { operationsOf, resolveSchema } from '../../connector/lint/swaggerWalk.ts';
import { PLAYBOOKS } from './playbookCatalog.ts';

export function playbookIndex(swagger: SwaggerDocument): string {
  const playbooks = PLAYBOOKS.map(
    (spec) => `- [${spec.name}](${spec.name}/README.md): ${spec.description}`,
  );
  const actions = operationsOf(swagger)
    .filter(({ operation }) => operation['x-ms-visibility'] !== 'internal')
    .map(({ operation, path, method }) => {
      const body = operation.parameters.find((parameter) => parameter.in === 'body');
      const inputs = [
        ...operation.parameters
          .filter((parameter) => parameter.in !== 'body')
          .map((parameter) => label(parameter['x-ms-summary'], parameter.required)),
        ...bodyInputs(swagger, body),
      ];
      const success = Object.entries(operation.responses).find(([status]) =>
        status.startsWith('2'),
      );
      const outputs = fieldsOf(swagger, success?.[1].schema).map(([name]) => name);
      return [
        `### ${operation.summary}`,
        `\`${operation.operationId}\`, ${method.toUpperCase()} ${swagger.basePath}${path}, shown as ${operation['x-ms-visibility']}. ${operation.description}`,
        `- Inputs: ${inputs.length > 0 ? inputs.join(', ') : 'none'}`,
        `- Outputs: ${outputs.length > 0 ? outputs.join(', ') : 'none'}`,
      ].join('\n\n');
    });

  return (
    [
      '# Playbooks',
      'Microsoft Sentinel playbooks that call incident-bridge. Each folder has its ARM ' +
        'template and a README with its deploy button, parameters, post-deployment steps ' +
        'and permissions; the deploy order is in [deploy/README.md](../deploy/README.md). ' +
        'This page and the templates are written by `npm run generate`.',
      playbooks.join('\n'),
      '## The incident-bridge actions in the designer',
      'Labels are what the Logic Apps designer shows; inputs marked * are required.',
      ...actions,
    ].join('\n\n') + '\n'
  );
}

/** A body with fields shows them one by one; a free-form body (a whole incident) shows as one. */
function bodyInputs(swagger: SwaggerDocument, body: SwaggerParameter | undefined): string[] {
  if (!body) return [];
  const fields = fieldsOf(swagger, body.schema);
  if (fields.length === 0) return [label(body['x-ms-summary'], body.required)];
  return fields.map(([name, required]) => label(name, required));
}

function label(name: unknown, required: boolean): string {
  return `${String(name)}${required ? ' *' : ''}`;
}

/** The labels of an object schema's top-level properties, with whether each is required. */
function fieldsOf(
  swagger: SwaggerDocument,
  schema: SwaggerSchema | undefined,
): Array<[string, boolean]> {
  if (!schema) return [];
  const resolved = resolveSchema(swagger, schema);
  const required = new Set((resolved['required'] as string[] | undefined) ?? []);
  const properties = (resolved['properties'] ?? {}) as Record<string, SwaggerSchema>;
  return Object.entries(properties).map(([name, property]) => [
    String(property['x-ms-summary'] ?? name),
    required.has(name),
  ]);
}

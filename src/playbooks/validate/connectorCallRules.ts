/**
 * Rules on calls to incident-bridge: an ApiConnection action on the custom connector's
 * connection, or an HTTP action to `https://@{parameters('HostName')}/api/v1/...`, must name
 * a real path and method of the generated Swagger, give every required parameter and body
 * property, and send no body property the operation does not define.
 */
import type {
  SwaggerDocument,
  SwaggerOperation,
  SwaggerSchema,
} from '../../connector/swaggerTypes.ts';
import { resolveSchema } from '../../connector/lint/swaggerWalk.ts';
import { finding, type LintFinding } from '../../lint/lintFinding.ts';
import type { PlaybookParts } from './playbookTemplateParts.ts';
import { actionsOf, type Json } from './workflowWalk.ts';

export const BRIDGE_HTTP_PREFIX = "https://@{parameters('HostName')}";

interface BridgeCall {
  method: string;
  path: string;
  inputs: Json;
  at: string;
  http: boolean;
}

export function connectorCallFindings(
  parts: PlaybookParts,
  swagger: SwaggerDocument,
): LintFinding[] {
  if (!parts.definition) return [];
  const customKeys = new Set(
    Object.entries(parts.connectionValues)
      .filter(([, value]) => String(value['id'] ?? '').includes('Microsoft.Web/customApis/'))
      .map(([key]) => key),
  );

  return actionsOf(parts.definition, parts.definitionAt)
    .flatMap(({ action, at }) => bridgeCallOf(action, at, customKeys, swagger.basePath))
    .flatMap((call) => checkCall(call, swagger));
}

function bridgeCallOf(
  action: Json,
  at: string,
  customKeys: Set<string>,
  basePath: string,
): BridgeCall[] {
  const inputs = (action['inputs'] ?? {}) as Json;
  if (action['type'] === 'ApiConnection') {
    const name = String(
      ((inputs['host'] as Json | undefined)?.['connection'] as Json | undefined)?.['name'] ?? '',
    );
    const key = /\('\$connections'\)\['([^']+)'\]/.exec(name)?.[1];
    if (!key || !customKeys.has(key)) return [];
    return [
      {
        method: String(inputs['method'] ?? '').toLowerCase(),
        path: String(inputs['path'] ?? ''),
        inputs,
        at,
        http: false,
      },
    ];
  }

  const uri = String(inputs['uri'] ?? '');
  if (action['type'] !== 'Http' || !uri.startsWith(BRIDGE_HTTP_PREFIX)) return [];
  const rest = uri.slice(BRIDGE_HTTP_PREFIX.length);
  const path = rest.startsWith(basePath) ? rest.slice(basePath.length) : `!${rest}`;
  return [{ method: String(inputs['method'] ?? '').toLowerCase(), path, inputs, at, http: true }];
}

function checkCall(call: BridgeCall, swagger: SwaggerDocument): LintFinding[] {
  const match = Object.entries(swagger.paths).find(([template]) =>
    pathMatches(template, call.path),
  );
  if (!match) {
    return [
      finding(
        'ConnectorPathNotFound',
        `${call.at}/inputs`,
        `${call.path.replace(/^!/, '')} is not a path of the incident-bridge connector` +
          (call.http ? ` under ${swagger.basePath}` : ''),
      ),
    ];
  }
  const operation = match[1][call.method];
  if (!operation) {
    return [
      finding(
        'ConnectorMethodNotFound',
        `${call.at}/inputs/method`,
        `${match[0]} has no ${call.method.toUpperCase()} operation`,
      ),
    ];
  }
  return [...parameterFindings(call, operation, swagger), ...authenticationFindings(call)];
}

function parameterFindings(
  call: BridgeCall,
  operation: SwaggerOperation,
  swagger: SwaggerDocument,
): LintFinding[] {
  const found: LintFinding[] = [];
  const id = operation.operationId;
  for (const parameter of operation.parameters ?? []) {
    if (parameter.in === 'body') {
      found.push(
        ...bodyFindings(
          call,
          id,
          parameter.required,
          resolveSchema(swagger, parameter.schema ?? {}),
        ),
      );
      continue;
    }
    const source =
      parameter.in === 'query' ? 'queries' : parameter.in === 'header' ? 'headers' : undefined;
    const given = source ? (call.inputs[source] as Json | undefined)?.[parameter.name] : undefined;
    if (source && parameter.required && given === undefined) {
      found.push(
        finding(
          'ConnectorParameterMissing',
          `${call.at}/inputs`,
          `${id} needs the ${parameter.in} parameter '${parameter.name}'`,
        ),
      );
    }
  }
  return found;
}

function bodyFindings(
  call: BridgeCall,
  operationId: string,
  required: boolean,
  schema: SwaggerSchema,
): LintFinding[] {
  const body = call.inputs['body'];
  if (body === undefined) {
    return required
      ? [finding('ConnectorParameterMissing', `${call.at}/inputs`, `${operationId} needs a body`)]
      : [];
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return [];

  const properties = (schema['properties'] ?? {}) as Record<string, SwaggerSchema>;
  const found = ((schema['required'] ?? []) as string[])
    .filter((name) => !(name in body))
    .map((name) =>
      finding(
        'ConnectorParameterMissing',
        `${call.at}/inputs/body`,
        `${operationId} needs the body property '${name}'`,
      ),
    );
  if (schema['properties'] !== undefined) {
    for (const name of Object.keys(body).filter((key) => !(key in properties))) {
      found.push(
        finding(
          'ConnectorUnknownProperty',
          `${call.at}/inputs/body/${name}`,
          `${operationId} has no body property '${name}'`,
        ),
      );
    }
  }
  return found;
}

function authenticationFindings(call: BridgeCall): LintFinding[] {
  if (!call.http) return [];
  const authentication = (call.inputs['authentication'] ?? {}) as Json;
  return authentication['type'] === 'ManagedServiceIdentity' &&
    typeof authentication['audience'] === 'string'
    ? []
    : [
        finding(
          'BridgeHttpAuthentication',
          `${call.at}/inputs/authentication`,
          'call incident-bridge with the managed identity and an explicit audience',
        ),
      ];
}

/** `/links/{id}` matches `/links/@{encodeURIComponent(...)}`: one template segment, any text. */
function pathMatches(template: string, path: string): boolean {
  const pattern = template
    .split('/')
    .map((segment) =>
      /^\{[^}]+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${pattern}$`).test(path.split('?')[0] ?? '');
}

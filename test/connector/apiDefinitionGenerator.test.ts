import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadOpenApiDocument } from '../../api/validation/openapiDocument.ts';
import { buildApiDefinition } from '../../src/connector/buildApiDefinition.ts';
import { buildApiProperties } from '../../src/connector/buildApiProperties.ts';
import { lintConnector } from '../../src/connector/lint/lintConnector.ts';
import { renderConnectorFiles } from '../../src/connector/connectorFiles.ts';
import { ConnectorGenerationError } from '../../src/connector/connectorGenerationError.ts';
import { fieldLabel } from '../../src/connector/fieldLabel.ts';
import { translateSchema } from '../../src/connector/translateSchema.ts';
import type { SwaggerSchema } from '../../src/connector/swaggerTypes.ts';

const contract = loadOpenApiDocument();
const swagger = buildApiDefinition(contract, { auth: 'apiKey' });

function translate(schema: Record<string, unknown>, components: Record<string, never> = {}) {
  const problems: string[] = [];
  const result = translateSchema(schema, { components, pointer: '#/test', problems });
  return { result, problems };
}

describe('the connector definition generated from the contract', () => {
  it('has one action per contract operation, with the same operationIds', () => {
    const actions = Object.values(swagger.paths).flatMap((item) =>
      Object.values(item).map((operation) => operation.operationId),
    );

    expect(actions.sort()).toEqual(contract.operations.map((op) => op.operationId).sort());
  });

  it('takes basePath from servers and keeps only application/json', () => {
    expect(swagger.basePath).toBe('/api/v1');
    expect(JSON.stringify(swagger)).not.toContain('problem+json');
    expect(swagger).not.toHaveProperty('servers');
  });

  it('flattens the anyOf Defender body into one object naming both shapes', () => {
    const body = swagger.paths['/mappings/defender-to-sentinel']?.['post']?.parameters[0];

    expect(body?.in).toBe('body');
    expect(body?.schema).toEqual({ $ref: '#/definitions/DefenderIncidentInput' });
    const schema = swagger.definitions['DefenderIncidentInput'] as SwaggerSchema;
    expect(schema['type']).toBe('object');
    expect(schema['anyOf']).toBeUndefined();
    expect(schema['description']).toContain('GraphIncident');
    expect(schema['description']).toContain('LegacyDefenderIncident');
  });

  it('drops the custom ARM id format but keeps its description', () => {
    const request = swagger.definitions['SyncSentinelIncidentRequest'] as SwaggerSchema;
    const armId = (request['properties'] as Record<string, SwaggerSchema>)['incidentArmId'];

    expect(armId).toMatchObject({ type: 'string', 'x-ms-summary': 'Incident ARM ID' });
    expect(armId?.['format']).toBeUndefined();
    expect(String(armId?.['description'])).toContain('Sentinel incident ARM id');
  });

  it('keeps one typed success response and adds a schema-less default', () => {
    const responses = swagger.paths['/health']?.['get']?.responses ?? {};

    expect(responses['200']?.schema).toEqual({ $ref: '#/definitions/Health' });
    expect(responses['503']?.schema).toBeUndefined();
    expect(responses['default']).toEqual({ description: expect.any(String) });
  });

  it('derives x-ms-dynamic-list from the contract dropdown of pairs', () => {
    const request = swagger.definitions['ReconcilePairsRequest'] as SwaggerSchema;
    const pairName = (request['properties'] as Record<string, SwaggerSchema>)['pairName'];

    expect(pairName?.['x-ms-dynamic-list']).toEqual({
      operationId: 'ListPairs',
      itemsPath: 'pairs',
      itemValuePath: 'name',
      itemTitlePath: 'name',
    });
  });

  it('writes the committed files exactly as the contract makes them (no stale copy)', () => {
    for (const file of renderConnectorFiles(contract)) {
      expect(readFileSync(file.path, 'utf8'), file.path).toBe(file.content);
    }
  });
});

describe('an operation the contract gains later', () => {
  it('becomes an action with a required, encoded path parameter and passes the lint', async () => {
    const grown = structuredClone(contract);
    const paths = grown.raw['paths'] as Record<string, unknown>;
    paths['/incident-links/{linkId}'] = {
      get: {
        operationId: 'GetIncidentLinkById',
        'x-ms-visibility': 'advanced',
        summary: 'Get an incident pair by its link id',
        description: 'Returns the link with that id.',
        parameters: [
          {
            name: 'linkId',
            in: 'path',
            required: true,
            description: 'The link id.',
            schema: { type: 'string' },
          },
        ],
        responses: {
          '200': {
            description: 'The link.',
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/IncidentLink' } },
            },
          },
          '404': { $ref: '#/components/responses/NotFound' },
        },
      },
    };

    const document = buildApiDefinition(grown, { auth: 'apiKey' });
    const action = document.paths['/incident-links/{linkId}']?.['get'];

    expect(action?.parameters[0]).toMatchObject({
      name: 'linkId',
      in: 'path',
      required: true,
      type: 'string',
      'x-ms-summary': 'Link ID',
      'x-ms-url-encoding': 'single',
    });
    const result = await lintConnector(document, buildApiProperties('apiKey'));
    expect(result.apiDefinition).toEqual([]);
  });
});

describe('schema translation', () => {
  it('turns nullable into x-nullable', () => {
    expect(translate({ type: 'string', nullable: true }).result).toEqual({
      type: 'string',
      'x-nullable': true,
    });
  });

  it('turns an integer-or-string oneOf into an untyped value that says so', () => {
    const { result } = translate({
      description: 'The id.',
      oneOf: [{ type: 'integer' }, { type: 'string', pattern: '^[0-9]+$' }],
    });

    expect(result['type']).toBeUndefined();
    expect(result['oneOf']).toBeUndefined();
    expect(result['description']).toBe(
      'The id. Accepted shapes: integer; string matching ^[0-9]+$.',
    );
  });

  it('labels properties from their names', () => {
    expect(fieldLabel('sentinelIncidentArmId')).toBe('Sentinel Incident ARM ID');
    expect(fieldLabel('commentHtml')).toBe('Comment HTML');
    expect(fieldLabel('durationMs')).toBe('Duration (ms)');
  });

  it('reports a keyword Swagger 2.0 cannot express instead of dropping it', () => {
    const { problems } = translate({ type: 'object', not: { type: 'string' } });

    expect(problems).toEqual(["#/test: 'not' has no Swagger 2.0 translation"]);
  });

  it('reports a reference loop', () => {
    const components = {
      Node: { type: 'object', properties: { next: { $ref: '#/components/schemas/Node' } } },
    };
    const { problems } = translate({ $ref: '#/components/schemas/Node' }, components as never);

    expect(problems[0]).toContain("'Node' refers to itself");
  });

  it('fails generation with every problem listed', () => {
    const broken = structuredClone(contract);
    const schemas = (
      broken.raw['components'] as Record<string, Record<string, Record<string, unknown>>>
    )['schemas']!;
    schemas['SyncResult']!['not'] = {};
    schemas['Health']!['not'] = {};

    const failure = errorOf(() => buildApiDefinition(broken, { auth: 'apiKey' }));

    expect(failure).toBeInstanceOf(ConnectorGenerationError);
    expect((failure as ConnectorGenerationError).problems).toEqual(
      expect.arrayContaining([
        "#/components/schemas/SyncResult: 'not' has no Swagger 2.0 translation",
        "#/components/schemas/Health: 'not' has no Swagger 2.0 translation",
      ]),
    );
  });
});

function errorOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

import { describe, expect, it } from 'vitest';
import { lintConnector } from '../../src/connector/lint/lintConnector.ts';
import { CONNECTOR_AUTH_MODES } from '../../src/connector/connectorSettings.ts';
import type { SwaggerDocument, SwaggerSchema } from '../../src/connector/swaggerTypes.ts';
import type { LintFinding } from '../../src/lint/lintFinding.ts';
import { sharedExists } from '../support/sharedReference.ts';
import { generatedApiDefinition, generatedApiProperties } from './connectorFixtures.ts';

async function definitionFindings(document: SwaggerDocument): Promise<LintFinding[]> {
  const result = await lintConnector(document, generatedApiProperties());
  return result.apiDefinition;
}

function rulesOf(findings: LintFinding[]): string[] {
  return findings.filter((item) => item.severity === 'error').map((item) => item.rule);
}

function syncOperation(document: SwaggerDocument) {
  const operation = document.paths['/sync/sentinel-incident']?.['post'];
  if (!operation) throw new Error('the generated connector lost SyncSentinelIncident');
  return operation;
}

describe('the generated connector', () => {
  for (const auth of CONNECTOR_AUTH_MODES) {
    it(`passes every rule (${auth})`, async () => {
      const result = await lintConnector(
        generatedApiDefinition(auth),
        generatedApiProperties(auth),
      );

      expect(result.apiDefinition).toEqual([]);
      expect(result.apiProperties).toEqual([]);
    });
  }
});

describe.runIf(sharedExists)('the generated connector against the Power Platform schemas', () => {
  it('applies both official schemas and passes them', async () => {
    const result = await lintConnector(generatedApiDefinition(), generatedApiProperties());

    expect(result.schemasApplied).toEqual([
      'ppc-apiDefinition.swagger.schema.json',
      'ppc-paconn-apiProperties.schema.json',
    ]);
    expect(result.apiDefinition).toEqual([]);
  });

  it('an anyOf left in a schema breaks the official schema too', async () => {
    const document = generatedApiDefinition();
    const definition = document.definitions['SyncResult'] as SwaggerSchema;
    definition['anyOf'] = [{ type: 'object' }];

    const findings = await definitionFindings(document);

    expect(findings.map((item) => item.rule)).toContain('PowerPlatformSchema');
  });
});

describe('connector lint rules catch a broken copy', () => {
  it('a summary ending in a period', async () => {
    const document = generatedApiDefinition();
    syncOperation(document).summary = 'Sync a Sentinel incident.';

    const findings = await definitionFindings(document);

    expect(findings).toContainEqual(
      expect.objectContaining({
        rule: 'SummaryMustEndWithAlphanumeric',
        at: '#/paths/~1sync~1sentinel-incident/post/summary',
      }),
    );
  });

  it('a summary over 80 characters or with a slash', async () => {
    const document = generatedApiDefinition();
    syncOperation(document).summary = `Sync and/or ${'check '.repeat(14)}now`;

    expect(rulesOf(await definitionFindings(document))).toEqual(
      expect.arrayContaining(['OperationSummaryTooLong', 'RestrictedCharactersInSummary']),
    );
  });

  it('a missing x-ms-summary on a parameter', async () => {
    const document = generatedApiDefinition();
    const body = syncOperation(document).parameters[0]!;
    delete body['x-ms-summary'];

    const findings = await definitionFindings(document);

    expect(findings).toContainEqual(
      expect.objectContaining({
        rule: 'ParameterSummaryRequired',
        at: '#/paths/~1sync~1sentinel-incident/post/parameters/0',
        message: "the 'x-ms-summary' property is required",
      }),
    );
  });

  it('a missing x-ms-summary on a response property', async () => {
    const document = generatedApiDefinition();
    const outcome = (
      document.definitions['SyncResult']?.['properties'] as Record<string, SwaggerSchema>
    )['outcome']!;
    delete outcome['x-ms-summary'];

    expect(rulesOf(await definitionFindings(document))).toContain('PropertySummaryRequired');
  });

  it('an OpenAPI 3 construct: nullable, a content map and a components reference', async () => {
    const document = generatedApiDefinition();
    const outcome = (
      document.definitions['SyncResult']?.['properties'] as Record<string, SwaggerSchema>
    )['outcome']!;
    outcome['nullable'] = true;
    const response = syncOperation(document).responses['200'] as unknown as Record<string, unknown>;
    response['content'] = { 'application/json': {} };
    response['schema'] = { $ref: '#/components/schemas/SyncResult' };

    const findings = await definitionFindings(document);

    expect(
      findings.filter((item) => item.rule === 'NoOpenApi3Constructs').map((item) => item.at),
    ).toEqual(
      expect.arrayContaining([
        '#/definitions/SyncResult/properties/outcome/nullable',
        '#/paths/~1sync~1sentinel-incident/post/responses/200/content',
      ]),
    );
    expect(rulesOf(findings)).toContain('InvalidReference');
  });

  it('an openapi or servers key at the root', async () => {
    const document = generatedApiDefinition() as SwaggerDocument & Record<string, unknown>;
    document['servers'] = [{ url: '/api/v1' }];

    expect(rulesOf(await definitionFindings(document))).toContain('NoOpenApi3Constructs');
  });

  it('a property name outside printable ASCII and a label not in title case', async () => {
    const document = generatedApiDefinition();
    const properties = document.definitions['PairList']?.['properties'] as Record<
      string,
      SwaggerSchema
    >;
    properties['paires\u00e9'] = { type: 'string', description: 'd', 'x-ms-summary': 'the pairs' };

    const findings = await definitionFindings(document);

    expect(rulesOf(findings)).toContain('NonAsciiName');
    expect(findings).toContainEqual(
      expect.objectContaining({ rule: 'SummaryTitleCase', severity: 'warning' }),
    );
  });

  it('a schema on the default response', async () => {
    const document = generatedApiDefinition();
    syncOperation(document).responses['default'] = { description: 'x', schema: { type: 'object' } };

    expect(rulesOf(await definitionFindings(document))).toContain('DefaultResponseHasSchema');
  });

  it('a lower-case or hyphenated operationId and a duplicate', async () => {
    const document = generatedApiDefinition();
    syncOperation(document).operationId = 'sync-incident';
    document.paths['/sync/defender-incident']!['post']!.operationId = 'sync-incident';

    expect(rulesOf(await definitionFindings(document))).toEqual(
      expect.arrayContaining([
        'OperationIdSanitized',
        'OperationIdPascalCase',
        'OperationIdNotUnique',
      ]),
    );
  });

  it('a title over 30 characters that names a product word', async () => {
    const document = generatedApiDefinition();
    document.info.title = 'Incident Bridge Connector for Sentinel';

    expect(rulesOf(await definitionFindings(document))).toEqual(
      expect.arrayContaining(['FieldLengthExceeded', 'ValueContainsRestrictedWords']),
    );
  });

  it('missing connector metadata and a third category', async () => {
    const document = generatedApiDefinition();
    document['x-ms-connector-metadata'] = [
      { propertyName: 'Categories', propertyValue: 'Security;IT Operations;Data' },
    ];

    const findings = await definitionFindings(document);

    expect(
      findings.filter((item) => item.rule === 'ConnectorMetadataPropertiesMissing'),
    ).toHaveLength(2);
    expect(rulesOf(findings)).toContain('InvalidConnectorCategory');
  });

  it('a host with a scheme', async () => {
    const document = generatedApiDefinition();
    document.host = 'https://incident-bridge.example.com/api';

    expect(rulesOf(await definitionFindings(document))).toContain('HostNameNotValid');
  });

  it('a path parameter without encoding, or not required', async () => {
    const document = generatedApiDefinition();
    document.paths['/incidents/{incidentId}'] = {
      get: {
        ...syncOperation(document),
        operationId: 'GetIncidentById',
        consumes: [],
        parameters: [
          {
            name: 'incidentId',
            in: 'path',
            required: false,
            description: 'd',
            'x-ms-summary': 'I',
          },
        ],
      },
    };

    expect(rulesOf(await definitionFindings(document))).toEqual(
      expect.arrayContaining(['PathParameterMustBeRequired', 'PathParameterMissingEncoding']),
    );
  });

  it('a dropdown whose operation or value path does not exist', async () => {
    const document = generatedApiDefinition();
    const request = document.definitions['ReconcilePairsRequest']?.['properties'] as Record<
      string,
      SwaggerSchema
    >;
    request['pairName']!['x-ms-dynamic-values'] = {
      operationId: 'ListPairs',
      'value-collection': 'pairs',
      'value-path': 'pairId',
    };
    delete request['pairName']!['x-ms-dynamic-list'];

    const findings = rulesOf(await definitionFindings(document));

    expect(findings).toEqual(
      expect.arrayContaining(['DynamicValuesPathNotFound', 'DynamicListMissing']),
    );
  });

  it('two security schemes', async () => {
    const document = generatedApiDefinition();
    document.securityDefinitions['Other'] = { type: 'basic' };

    expect(rulesOf(await definitionFindings(document))).toContain('SecurityDefinitionsAmbiguous');
  });

  it('the Swagger parser refuses a response without a description', async () => {
    const document = generatedApiDefinition();
    const response = syncOperation(document).responses['400'] as unknown as Record<string, unknown>;
    delete response['description'];

    expect(rulesOf(await definitionFindings(document))).toEqual(
      expect.arrayContaining(['SwaggerParser', 'ResponseDescription']),
    );
  });
});

describe('apiProperties rules', () => {
  it('a forbidden brand colour and a committed secret', async () => {
    const properties = generatedApiProperties('entraId');
    properties.properties.iconBrandColor = '#007ee5';
    const token = properties.properties.connectionParameters['token'] as Record<string, unknown>;
    (token['oAuthSettings'] as Record<string, unknown>)['clientSecret'] = 'not-a-real-secret';

    const result = await lintConnector(generatedApiDefinition('entraId'), properties);

    expect(rulesOf(result.apiProperties)).toEqual(
      expect.arrayContaining(['IconBrandColor', 'CommittedSecret']),
    );
  });

  it('an aad provider without its resource URI or tenant claim', async () => {
    const properties = generatedApiProperties('entraId');
    const parameters = properties.properties.connectionParameters;
    const settings = parameters['token']!['oAuthSettings'] as Record<
      string,
      Record<string, unknown>
    >;
    delete settings['customParameters']!['resourceUri'];
    delete parameters['token:TenantId'];

    const result = await lintConnector(generatedApiDefinition('entraId'), properties);

    expect(rulesOf(result.apiProperties)).toEqual(
      expect.arrayContaining(['AadResourceUri', 'AadTenantClaim']),
    );
  });
});

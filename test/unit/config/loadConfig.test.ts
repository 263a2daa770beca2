import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../../src/config/loadConfig.ts';

const pair = {
  name: 'contoso',
  defender: { tenantId: 'customer-tenant', credential: 'customer' },
  sentinel: {
    subscriptionId: 'sub',
    resourceGroupName: 'rg',
    workspaceName: 'ws',
    tenantId: 'mssp-tenant',
    credential: 'mssp',
  },
};

describe('parseConfig', () => {
  it('fills every default and freezes the result', () => {
    const config = parseConfig(
      {
        credentials: {
          customer: {
            kind: 'clientSecret',
            tenantId: 'customer-tenant',
            clientId: 'app',
            clientSecretEnv: 'CUSTOMER_SECRET',
          },
          mssp: { kind: 'managedIdentity' },
        },
        pairs: [pair],
      },
      'test',
      { CUSTOMER_SECRET: 's3cret' },
    );

    expect(config.azure.sentinelApiVersion).toBe('2025-09-01');
    expect(config.store.sqlitePath).toBe('./data/incident-bridge.db');
    expect(config.pairs[0]?.mode).toBe('full');
    expect(config.pairs[0]?.policy).toMatchObject({
      status: 'newest',
      severity: 'defenderToSentinel',
      clockSkewToleranceMs: 120000,
    });
    expect(config.pairs[0]?.intervals.pollIntervalMs).toBe(60000);
    expect(Object.isFrozen(config.pairs[0]?.policy)).toBe(true);
  });

  it('lists every problem at once, naming each setting', () => {
    let error: unknown;
    try {
      parseConfig(
        {
          credentials: {
            customer: {
              kind: 'clientSecret',
              tenantId: 't',
              clientId: 'c',
              clientSecretEnv: 'MISSING_SECRET',
            },
          },
          pairs: [
            { ...pair, mode: 'mirror', policy: { status: 'loudest' } },
            { ...pair, sentinel: { ...pair.sentinel, credential: 'nobody' } },
          ],
          colour: 'blue',
        },
        'incident-bridge.yaml',
        {},
      );
    } catch (caught) {
      error = caught;
    }

    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        '(root): unknown setting "colour"',
        expect.stringMatching(/^pairs\.0\.mode: must be one of "full", "complement"$/),
        expect.stringMatching(/^pairs\.0\.policy\.status: must be one of "newest", /),
      ]),
    );
  });

  it('checks references and secrets once the shape is right', () => {
    expect(() =>
      parseConfig(
        {
          credentials: {
            customer: {
              kind: 'clientSecret',
              tenantId: 't',
              clientId: 'c',
              clientSecretEnv: 'MISSING_SECRET',
            },
          },
          pairs: [pair, pair],
        },
        'test',
        {},
      ),
    ).toThrow(
      expect.objectContaining({
        problems: expect.arrayContaining([
          'pairs.1.name: "contoso" is used twice',
          'pairs.0.sentinel.credential: no credential named "mssp"',
          'credentials.customer.clientSecretEnv: environment variable MISSING_SECRET is not set',
        ]),
      }),
    );
  });
});

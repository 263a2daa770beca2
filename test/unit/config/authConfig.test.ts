import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, requireInboundAuth } from '../../../src/config/loadConfig.ts';

const TENANT = '5b5a146c-eba8-46af-96f8-e31b50d15a3f';

function problemsOf(input: unknown): string[] {
  try {
    parseConfig(input, 'test');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('auth and limits settings', () => {
  it('defaults the v1 issuer, and the v2 issuer and key metadata from the authority host', () => {
    const config = parseConfig({
      azure: { authorityHost: 'https://login.microsoftonline.us/' },
      auth: { tenants: [TENANT], audiences: ['api://incident-bridge'] },
    });

    expect(config.auth.issuers).toEqual({
      v1: 'https://sts.windows.net/{tenantId}/',
      v2: 'https://login.microsoftonline.us/{tenantId}/v2.0',
    });
    expect(config.auth.openIdMetadataUrl).toBe(
      'https://login.microsoftonline.us/{tenantId}/v2.0/.well-known/openid-configuration',
    );
    expect(config.auth.clockSkewSeconds).toBe(60);
    expect(config.limits).toEqual({
      bodyLimitBytes: 5_242_880,
      requestTimeoutMs: 60_000,
      requestsPerMinute: 600,
      failedAuthPerMinute: 30,
    });
  });

  it('lists every auth problem at once, naming each setting', () => {
    const problems = problemsOf({
      auth: {
        tenants: ['contoso.onmicrosoft.com'],
        issuers: { v2: 'https://login.microsoftonline.com/v2.0' },
        apiKeys: [
          { id: 'a', sha256: 'A'.repeat(64), roles: ['Incidents.Read'] },
          { id: 'b', sha256: 'b'.repeat(64), roles: ['Incidents.Admin'] },
          { id: 'c', sha256: 'c'.repeat(64), roles: [] },
        ],
      },
    });

    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^auth\.tenants\.0: must match pattern/),
        expect.stringMatching(/^auth\.issuers\.v2: must match pattern/),
        expect.stringMatching(/^auth\.apiKeys\.0\.sha256: must match pattern/),
        expect.stringMatching(/^auth\.apiKeys\.1\.roles\.0: must be one of "Incidents\.Read"/),
        expect.stringMatching(/^auth\.apiKeys\.2\.roles: must NOT have fewer than 1 items/),
      ]),
    );
  });

  it('refuses tenants without audiences, and a key id or key used twice', () => {
    const key = { sha256: 'a'.repeat(64), roles: ['Incidents.Read'] };
    const problems = problemsOf({
      auth: {
        tenants: [TENANT],
        apiKeys: [
          { id: 'k', ...key },
          { id: 'k', ...key },
        ],
      },
    });

    expect(problems).toEqual([
      'auth.audiences: tokens are accepted from auth.tenants but no audience is set',
      'auth.apiKeys.1.id: "k" is used twice',
      'auth.apiKeys.1.sha256: the same key twice',
    ]);
  });

  it('refuses to serve with no way to authenticate', () => {
    expect(() => requireInboundAuth(parseConfig({}), 'incident-bridge.config.yaml')).toThrow(
      /auth: set auth\.tenants with auth\.audiences .* or auth\.apiKeys/,
    );
    const withKey = parseConfig({
      auth: { apiKeys: [{ id: 'k', sha256: 'a'.repeat(64), roles: ['Incidents.Read'] }] },
    });
    expect(() => requireInboundAuth(withKey)).not.toThrow();
  });
});

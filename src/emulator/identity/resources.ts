/**
 * The resources the emulated Entra ID issues tokens for, and how a client-credentials
 * `scope` (`https://management.azure.com/.default`) names one of them.
 */

export type TokenResource = 'arm' | 'graph';

/** Audience values each emulated API accepts, compared without a trailing slash. */
const RESOURCE_AUDIENCES: Record<TokenResource, readonly string[]> = {
  arm: ['https://management.azure.com', 'https://management.core.windows.net'],
  graph: ['https://graph.microsoft.com', '00000003-0000-0000-c000-000000000000'],
};

export type ScopeResolution =
  | { ok: true; resource: TokenResource; audience: string; scope: string }
  | { ok: false; problem: 'notDefaultScope' | 'unknownResource'; scope: string };

/** Picks the `/.default` scope out of a space-separated `scope` parameter. */
export function resolveClientCredentialsScope(scopeParameter: string): ScopeResolution {
  const scopes = scopeParameter.split(/\s+/).filter(Boolean);
  const defaultScope = scopes.find((scope) => scope.toLowerCase().endsWith('/.default'));
  if (!defaultScope) return { ok: false, problem: 'notDefaultScope', scope: scopeParameter };

  const audience = trimSlashes(defaultScope.slice(0, -'/.default'.length));
  const resource = resourceOfAudience(audience);
  if (!resource) return { ok: false, problem: 'unknownResource', scope: defaultScope };
  return { ok: true, resource, audience, scope: defaultScope };
}

export function resourceOfAudience(audience: string): TokenResource | undefined {
  const normalized = trimSlashes(audience).toLowerCase();
  const entries = Object.entries(RESOURCE_AUDIENCES) as Array<[TokenResource, readonly string[]]>;
  return entries.find(([, audiences]) => audiences.includes(normalized))?.[0];
}

function trimSlashes(value: string): string {
  return value.replace(/\/+$/, '');
}

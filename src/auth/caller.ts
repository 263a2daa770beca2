/**
 * Who made a request, once authenticated: an app (app-only token, e.g. a playbook's managed
 * identity), a user through an app (delegated token from the custom connector), or an API key.
 * Object ids and tenant ids are the stable identity; names and UPNs are never used.
 */
import type { ApiRole } from './apiRoles.ts';

export type Caller =
  | {
      kind: 'app' | 'user';
      tenantId: string;
      /** `oid`: the service principal (app) or the user. */
      objectId: string;
      /** `appid` (v1) or `azp` (v2): the client application. */
      appId: string;
      roles: ReadonlySet<ApiRole>;
    }
  | { kind: 'apiKey'; keyId: string; roles: ReadonlySet<ApiRole> };

/** One string per caller, for rate limits: the same identity always gets the same key. */
export function callerKey(caller: Caller): string {
  return caller.kind === 'apiKey'
    ? `key:${caller.keyId}`
    : `${caller.kind}:${caller.tenantId}:${caller.objectId}`;
}

/** What the request log records about a caller: ids only, never a credential. */
export function callerForLog(caller: Caller): Record<string, string> {
  if (caller.kind === 'apiKey') return { kind: caller.kind, keyId: caller.keyId };
  return {
    kind: caller.kind,
    tenantId: caller.tenantId,
    objectId: caller.objectId,
    appId: caller.appId,
  };
}

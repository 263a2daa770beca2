/**
 * The signing keys of each allowed tenant, found through its OpenID metadata (`jwks_uri`).
 * jose's remote key set caches the keys and fetches them again when a token names a key id
 * it does not hold (Entra ID rotates its keys), at most once per cooldown.
 */
import { createRemoteJWKSet, customFetch, type JWTVerifyGetKey } from 'jose';
import type { TransportFetch } from './transportFetch.ts';

export interface OpenIdKeySetsOptions {
  /** Metadata address with `{tenantId}`. */
  metadataUrlTemplate: string;
  fetch: TransportFetch;
  /** Least time between two fetches caused by unknown key ids. Default 30 s. */
  refreshCooldownMs?: number;
  /** Longest wait for the keys. Default 5 s. */
  fetchTimeoutMs?: number;
}

export class OpenIdKeySets {
  private readonly byTenant = new Map<string, Promise<JWTVerifyGetKey>>();

  constructor(private readonly options: OpenIdKeySetsOptions) {}

  /** The key set of a tenant; a failed metadata fetch is retried on the next call. */
  forTenant(tenantId: string): Promise<JWTVerifyGetKey> {
    const tenant = tenantId.toLowerCase();
    let keySet = this.byTenant.get(tenant);
    if (!keySet) {
      keySet = this.discover(tenant);
      keySet.catch(() => this.byTenant.delete(tenant));
      this.byTenant.set(tenant, keySet);
    }
    return keySet;
  }

  private async discover(tenantId: string): Promise<JWTVerifyGetKey> {
    const url = this.options.metadataUrlTemplate.replaceAll('{tenantId}', tenantId);
    const signal = AbortSignal.timeout(this.options.fetchTimeoutMs ?? 5000);
    const response = await this.options.fetch(url, { signal });
    if (response.status !== 200) {
      throw new Error(`OpenID metadata of tenant ${tenantId} answered ${response.status}`);
    }

    const metadata = (await response.json()) as { jwks_uri?: unknown };
    if (typeof metadata.jwks_uri !== 'string' || !metadata.jwks_uri.startsWith('https://')) {
      throw new Error(`OpenID metadata of tenant ${tenantId} has no https jwks_uri`);
    }
    return createRemoteJWKSet(new URL(metadata.jwks_uri), {
      cooldownDuration: this.options.refreshCooldownMs ?? 30_000,
      timeoutDuration: this.options.fetchTimeoutMs ?? 5000,
      [customFetch]: this.options.fetch,
    });
  }
}

/**
 * Authenticates an inbound request from its headers: `Authorization: Bearer <Entra ID token>`
 * or `X-API-Key: <key>`. Sending both is refused rather than guessed at. Built once from the
 * `auth` section of the config.
 */
import type { InboundAuthConfig } from '../config/config.ts';
import type { TransportOptions } from '../clients/transportOptions.ts';
import { ApiKeyVerifier } from './apiKeys.ts';
import type { Caller } from './caller.ts';
import { EntraTokenVerifier, type KeySetSource } from './entraTokenVerifier.ts';
import { InboundAuthError } from './inboundAuthError.ts';
import { OpenIdKeySets } from './openIdKeySets.ts';
import { transportFetch } from './transportFetch.ts';

export interface InboundCredentials {
  authorization?: string;
  apiKey?: string;
}

export interface InboundAuthOptions {
  transport?: TransportOptions;
  /** Where the signing keys come from; by default the tenants' OpenID metadata. */
  keySets?: KeySetSource;
  /** Least time between key fetches caused by unknown key ids. Default 30 s. */
  keyRefreshCooldownMs?: number;
}

/** Long enough for any Entra ID token; a header past it is not one. */
const MAX_CREDENTIAL_LENGTH = 16_384;

export class InboundAuth {
  private readonly tokens: EntraTokenVerifier;
  private readonly keys: ApiKeyVerifier;

  constructor(config: InboundAuthConfig, options: InboundAuthOptions = {}) {
    const keySets =
      options.keySets ??
      new OpenIdKeySets({
        metadataUrlTemplate: config.openIdMetadataUrl,
        fetch: transportFetch(options.transport ?? {}),
        refreshCooldownMs: options.keyRefreshCooldownMs,
      });
    this.tokens = new EntraTokenVerifier(config, keySets);
    this.keys = new ApiKeyVerifier(config.apiKeys);
  }

  async authenticate(credentials: InboundCredentials): Promise<Caller> {
    const { authorization, apiKey } = credentials;
    if (authorization === undefined && apiKey === undefined) {
      throw new InboundAuthError(
        'credentials_missing',
        'Send an Entra ID access token (Authorization: Bearer) or an API key (X-API-Key).',
      );
    }
    if (authorization !== undefined && apiKey !== undefined) {
      throw refused('send either a bearer token or an API key, not both');
    }
    const value = authorization ?? apiKey ?? '';
    if (value.length > MAX_CREDENTIAL_LENGTH) throw refused('the credential is too long');

    return apiKey !== undefined ? this.byApiKey(apiKey) : this.byToken(value);
  }

  private byApiKey(key: string): Caller {
    if (!this.keys.configured) throw refused('API keys are not accepted by this service');
    const match = this.keys.match(key);
    if (!match) throw refused('the API key is not known');
    return { kind: 'apiKey', keyId: match.keyId, roles: new Set(match.roles) };
  }

  private async byToken(authorization: string): Promise<Caller> {
    const token = /^Bearer +([A-Za-z0-9._~+/=-]+)$/i.exec(authorization.trim())?.[1];
    if (!token) throw refused('the Authorization header must be "Bearer <token>"');
    if (!this.tokens.configured) throw refused('bearer tokens are not accepted by this service');
    return this.tokens.verify(token);
  }
}

function refused(reason: string): InboundAuthError {
  return new InboundAuthError('credentials_invalid', `The credential is refused: ${reason}.`);
}

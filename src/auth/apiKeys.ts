/**
 * API keys: the `X-API-Key` header of custom connector calls. Config holds only the SHA-256
 * of each key (keys are long random strings, so a fast hash is enough: there is nothing to
 * guess a dictionary from). A presented key is hashed and compared with every configured
 * hash in constant time, so neither the comparison nor the scan order tells how close a
 * guess was.
 */
import { hash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ApiKeyConfig } from '../config/config.ts';
import type { ApiRole } from './apiRoles.ts';

/** Long enough that a key cannot be guessed; short enough to paste into a connection. */
const GENERATED_KEY_BYTES = 32;

/** The shortest key accepted from the environment, e.g. a fixed sandbox key. */
export const MIN_API_KEY_LENGTH = 24;

/** Visible ASCII only: a key travels in a header and is pasted into forms. */
const API_KEY_PATTERN = /^[\x21-\x7e]+$/;

export interface ApiKeyMatch {
  keyId: string;
  roles: readonly ApiRole[];
}

export function generateApiKey(): string {
  return `ib_${randomBytes(GENERATED_KEY_BYTES).toString('base64url')}`;
}

export function hashApiKey(key: string): string {
  return hash('sha256', key, 'hex');
}

/** Why a key cannot be used, or undefined when it can. */
export function apiKeyProblem(key: string): string | undefined {
  if (key.length < MIN_API_KEY_LENGTH) return `must be at least ${MIN_API_KEY_LENGTH} characters`;
  if (!API_KEY_PATTERN.test(key)) return 'must be visible ASCII characters without spaces';
  return undefined;
}

export class ApiKeyVerifier {
  private readonly keys: Array<{ config: ApiKeyConfig; digest: Buffer }>;

  constructor(keys: readonly ApiKeyConfig[]) {
    this.keys = keys.map((config) => ({ config, digest: Buffer.from(config.sha256, 'hex') }));
  }

  get configured(): boolean {
    return this.keys.length > 0;
  }

  match(presented: string): ApiKeyMatch | undefined {
    // The one-shot hash: every authenticated request pays for it.
    const digest = hash('sha256', presented, 'buffer');

    let found: ApiKeyConfig | undefined;
    for (const key of this.keys) {
      // Every key is compared; stopping at the first match would time the position.
      if (timingSafeEqual(digest, key.digest) && !found) found = key.config;
    }
    return found && { keyId: found.id, roles: found.roles };
  }
}

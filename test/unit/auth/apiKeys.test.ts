import { describe, expect, it } from 'vitest';
import {
  ApiKeyVerifier,
  apiKeyProblem,
  generateApiKey,
  hashApiKey,
} from '../../../src/auth/apiKeys.ts';

const readKey = 'ib_reader-key-0123456789abcdef';
const syncKey = 'ib_sync-key-0123456789abcdefgh';
const verifier = new ApiKeyVerifier([
  { id: 'reader', sha256: hashApiKey(readKey), roles: ['Incidents.Read'] },
  { id: 'sync', sha256: hashApiKey(syncKey), roles: ['Incidents.Sync', 'Incidents.Read'] },
]);

describe('API keys', () => {
  it('matches a key to its id and roles through its hash', () => {
    expect(verifier.match(syncKey)).toEqual({
      keyId: 'sync',
      roles: ['Incidents.Sync', 'Incidents.Read'],
    });
    expect(verifier.match(readKey)?.keyId).toBe('reader');
  });

  it('refuses a key that differs by one character, by case or by a trailing space', () => {
    expect(verifier.match(`${readKey.slice(0, -1)}0`)).toBeUndefined();
    expect(verifier.match(readKey.toUpperCase())).toBeUndefined();
    expect(verifier.match(`${readKey} `)).toBeUndefined();
    expect(verifier.match('')).toBeUndefined();
  });

  it('stores lower-case hex SHA-256 of the key', () => {
    expect(hashApiKey('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('generates distinct keys that pass its own checks', () => {
    const keys = new Set(Array.from({ length: 50 }, () => generateApiKey()));

    expect(keys.size).toBe(50);
    for (const key of keys) expect(apiKeyProblem(key)).toBeUndefined();
  });

  it('says why a fixed key cannot be used', () => {
    expect(apiKeyProblem('short')).toMatch(/at least 24/);
    expect(apiKeyProblem('a key with spaces in it, long enough')).toMatch(/visible ASCII/);
  });
});

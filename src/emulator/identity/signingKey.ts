/**
 * The RS256 key pair the emulated Entra ID signs access tokens with, published at the JWKS
 * endpoint. Generated once per process: RSA generation costs tens of milliseconds and every
 * emulator in a test run can share it.
 */
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';

export const TOKEN_SIGNING_ALGORITHM = 'RS256';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** The public half as published in the JWKS document. */
  publicJwk: JWK;
}

let cached: Promise<SigningKey> | undefined;

export function emulatorSigningKey(): Promise<SigningKey> {
  cached ??= createSigningKey().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function createSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(TOKEN_SIGNING_ALGORITHM, {
    modulusLength: 2048,
    extractable: true,
  });

  const jwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(jwk);
  const publicJwk: JWK = { ...jwk, kid, use: 'sig', alg: TOKEN_SIGNING_ALGORITHM };
  return { kid, privateKey, publicKey, publicJwk };
}

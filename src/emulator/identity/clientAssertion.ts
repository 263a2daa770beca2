/**
 * Checks a `client_assertion` (the signed JWT certificate credentials send instead of a
 * secret): a JWT whose `iss` and `sub` are the app's client id, addressed to this tenant's
 * token endpoint and not expired. The signature is verified when the seeded app has a
 * `certificatePem`; an app seeded without one accepts any signature, which lets tests use
 * throwaway certificates.
 */
import { compactVerify, decodeJwt, decodeProtectedHeader, importX509 } from 'jose';

import type { EmulatorClient } from '../state/appPrincipal.ts';

export type AssertionCheck = { ok: true } | { ok: false; reason: string };

export async function checkClientAssertion(
  assertion: string,
  client: EmulatorClient,
  tenantSegment: string,
  now: Date,
): Promise<AssertionCheck> {
  let claims: ReturnType<typeof decodeJwt>;
  try {
    claims = decodeJwt(assertion);
  } catch {
    return { ok: false, reason: 'the assertion is not a JWT' };
  }

  const clientId = client.clientId.toLowerCase();
  if (claims.iss?.toLowerCase() !== clientId || claims.sub?.toLowerCase() !== clientId) {
    return { ok: false, reason: 'iss and sub must both be the client id' };
  }

  const tokenPath = `/${tenantSegment}/oauth2/v2.0/token`.toLowerCase();
  const audiences = [claims.aud ?? []].flat().map((audience) => audience.toLowerCase());
  if (!audiences.some((audience) => audience.endsWith(tokenPath))) {
    return { ok: false, reason: "aud must be this tenant's token endpoint" };
  }

  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now.getTime()) {
    return { ok: false, reason: 'the assertion has expired' };
  }

  return client.certificatePem ? verifySignature(assertion, client.certificatePem) : { ok: true };
}

async function verifySignature(assertion: string, certificatePem: string): Promise<AssertionCheck> {
  try {
    const { alg } = decodeProtectedHeader(assertion);
    if (!alg) return { ok: false, reason: 'the assertion header names no algorithm' };

    const key = await importX509(certificatePem, alg);
    await compactVerify(assertion, key);
    return { ok: true };
  } catch {
    return { ok: false, reason: "the signature does not match the app's certificate" };
  }
}

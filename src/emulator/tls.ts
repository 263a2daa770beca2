/**
 * The emulator's HTTPS certificate. The Azure SDK refuses bearer tokens over plain http, so
 * the emulator serves TLS with a self-signed certificate that clients are told to trust
 * (`tlsOptions: { ca: caCertPem }`). An EC P-256 key is generated because it takes a few
 * milliseconds where RSA takes most of a second; one certificate is reused for every
 * emulator started in the same process.
 */
import { generate } from 'selfsigned';

export interface TlsMaterial {
  certPem: string;
  keyPem: string;
}

const VALIDITY_DAYS = 30;

let cached: Promise<TlsMaterial> | undefined;

/** A certificate for `localhost`, `127.0.0.1` and `::1`, made once per process. */
export function emulatorTlsMaterial(): Promise<TlsMaterial> {
  cached ??= createTlsMaterial().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function createTlsMaterial(): Promise<TlsMaterial> {
  const notBeforeDate = new Date(Date.now() - 60_000);
  const notAfterDate = new Date(notBeforeDate.getTime() + VALIDITY_DAYS * 86_400_000);

  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  return { certPem: pems.cert, keyPem: pems.private };
}

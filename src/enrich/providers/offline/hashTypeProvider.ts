/**
 * Which hash function a file hash comes from, told by its length and alphabet, and whether
 * that agrees with the algorithm the source declared (a SHA1-labelled 64-digit value is a
 * mislabelled SHA256, and TI lookups under the wrong type miss).
 */
import type { EnrichmentProvider, ProviderFinding } from '../enrichmentProvider.ts';

const HEX_LENGTHS: Record<number, string> = {
  32: 'MD5',
  40: 'SHA1',
  64: 'SHA256',
  96: 'SHA384',
  128: 'SHA512',
};

/** The hash type a value looks like, or undefined when it looks like none. */
export function detectHashType(value: string): string | undefined {
  const trimmed = value.trim();
  if (/^[0-9a-f]+$/i.test(trimmed)) return HEX_LENGTHS[trimmed.length];
  // ssdeep: blocksize:hash:hash
  if (/^\d+:[0-9A-Za-z/+]+:[0-9A-Za-z/+]+$/.test(trimmed)) return 'SSDEEP';
  return undefined;
}

export function hashTypeProvider(): EnrichmentProvider {
  return {
    name: 'hashType',
    kinds: ['FileHash'],
    batchSize: 500,
    cacheTtlMs: 0,
    lookup: async (targets) =>
      targets.map((target): ProviderFinding => {
        const detected = detectHashType(target.value);
        const declared = (target.attributes['algorithm'] ?? '').toUpperCase();
        const agrees = !declared || declared === 'UNKNOWN' || declared === detected;
        const summary = !detected
          ? 'Not a recognised hash format'
          : agrees
            ? `${detected} hash`
            : `${detected} hash, declared as ${declared}`;
        return {
          targetKey: target.key,
          summary,
          facts: { detectedType: detected ?? 'unknown', declaredType: declared, agrees },
          source: 'hash length and alphabet',
        };
      }),
  };
}

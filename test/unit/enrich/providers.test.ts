/**
 * Providers and the pipeline that runs them: each offline provider on its own, the remote ones
 * against fake sources, and the pipeline's timeout, failure, cache and concurrency rules.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { SentinelContextClient } from '../../../src/clients/sentinelContextClient.ts';
import type {
  EnrichmentProvider,
  LookupTarget,
  ProviderContext,
} from '../../../src/enrich/providers/enrichmentProvider.ts';
import { ipGeodataProvider } from '../../../src/enrich/providers/azure/ipGeodataProvider.ts';
import { threatIntelProvider } from '../../../src/enrich/providers/azure/threatIntelProvider.ts';
import { domainProvider } from '../../../src/enrich/providers/offline/domainProvider.ts';
import { hashTypeProvider } from '../../../src/enrich/providers/offline/hashTypeProvider.ts';
import { ipClassificationProvider } from '../../../src/enrich/providers/offline/ipClassificationProvider.ts';
import { createIpGeoProvider } from '../../../src/enrich/providers/offline/ipGeoProvider.ts';
import { mitreAttackProvider } from '../../../src/enrich/providers/offline/mitreAttackProvider.ts';
import { ProviderPipeline } from '../../../src/enrich/providers/providerPipeline.ts';
import type { ThreatIntelligenceIndicator } from '../../../src/model/sentinelContext.ts';

const BUNDLE = fileURLToPath(new URL('../../fixtures/mitre-attack-bundle.json', import.meta.url));

function target(
  kind: string,
  value: string,
  attributes: Record<string, string> = {},
): LookupTarget {
  return { key: `${kind}:${value}`, kind, value, displayName: value, attributes };
}

function context(sources: Partial<ProviderContext> = {}): ProviderContext {
  return {
    signal: new AbortController().signal,
    now: () => new Date('2026-01-01T00:00:00Z'),
    ...sources,
  };
}

async function summaries(provider: EnrichmentProvider, targets: LookupTarget[], ctx = context()) {
  const accepted = targets.filter((item) => provider.accepts?.(item) ?? true);
  return Object.fromEntries(
    (await provider.lookup(accepted, ctx)).map((finding) => [finding.targetKey, finding.summary]),
  );
}

describe('offline providers', () => {
  it('classifies IP ranges', async () => {
    const found = await summaries(ipClassificationProvider(), [
      target('Ip', '10.1.2.3'),
      target('Ip', '127.0.0.1'),
      target('Ip', '198.51.100.7'),
      target('Ip', '224.0.0.1'),
      target('Ip', 'fd00::1'),
      target('Ip', '8.8.8.8'),
    ]);
    expect(found).toEqual({
      'Ip:10.1.2.3': 'Private address (RFC 1918)',
      'Ip:127.0.0.1': 'Loopback address',
      'Ip:198.51.100.7': 'Reserved address (documentation, benchmarking or future use)',
      'Ip:224.0.0.1': 'Multicast address',
      'Ip:fd00::1': 'Unique local address (RFC 4193)',
      'Ip:8.8.8.8': 'Public address',
    });
  });

  it('gives the country of public IPs from the bundled database, and skips private ones', async () => {
    const provider = await createIpGeoProvider();
    const found = await summaries(provider, [target('Ip', '8.8.8.8'), target('Ip', '10.0.0.1')]);
    expect(found).toEqual({ 'Ip:8.8.8.8': 'Country US' });
  });

  it('parses domains with the public suffix list', async () => {
    const findings = await domainProvider().lookup(
      [target('Url', 'https://a.b.example.co.uk/x'), target('Mailbox', 'x@xn--mnchen-3ya.example')],
      context(),
    );
    expect(findings[0]?.facts).toMatchObject({
      domain: 'example.co.uk',
      publicSuffix: 'co.uk',
      subdomain: 'a.b',
    });
    expect(findings[1]?.facts).toMatchObject({ punycode: true });
  });

  it('tells hash types and catches a mislabelled one', async () => {
    const found = await summaries(hashTypeProvider(), [
      target('FileHash', 'a'.repeat(64), { algorithm: 'SHA1' }),
      target('FileHash', 'b'.repeat(32), { algorithm: 'MD5' }),
      target('FileHash', 'not-a-hash'),
    ]);
    expect(found).toEqual({
      [`FileHash:${'a'.repeat(64)}`]: 'SHA256 hash, declared as SHA1',
      [`FileHash:${'b'.repeat(32)}`]: 'MD5 hash',
      'FileHash:not-a-hash': 'Not a recognised hash format',
    });
  });

  it('names ATT&CK techniques from a STIX bundle, sub-techniques with their parent', async () => {
    const found = await summaries(mitreAttackProvider(BUNDLE), [
      target('MitreTechnique', 'T1059.001'),
      target('MitreTechnique', 'T1105'),
      target('MitreTechnique', 'T1064'),
      target('MitreTechnique', 'T9999'),
    ]);
    expect(found).toEqual({
      'MitreTechnique:T1059.001': 'Command and Scripting Interpreter: PowerShell (execution)',
      'MitreTechnique:T1105': 'Ingress Tool Transfer (command-and-control)',
      'MitreTechnique:T1064': 'Scripting (defense-evasion, execution) (revoked or deprecated)',
    });
  });
});

describe('remote providers against fake sources', () => {
  const indicator = (
    value: string,
    extra: Partial<ThreatIntelligenceIndicator['properties']> = {},
  ) => ({
    name: `ind-${value}`,
    kind: 'indicator',
    properties: {
      displayName: `bad ${value}`,
      pattern: `[ipv4-addr:value = '${value}']`,
      confidence: 80,
      threatTypes: ['malicious-activity'],
      ...extra,
    },
  });

  it('counts exact indicator matches only, ignoring revoked and expired ones', async () => {
    const sentinel = {
      queryIndicators: async () => [
        indicator('203.0.113.10'),
        indicator('203.0.113.100'),
        indicator('203.0.113.11', { revoked: true }),
        indicator('203.0.113.12', { validUntil: '2020-01-01T00:00:00Z' }),
      ],
    } as unknown as SentinelContextClient;
    const provider = threatIntelProvider({ minConfidence: 0, batchSize: 20 });

    const found = await summaries(
      provider,
      ['203.0.113.1', '203.0.113.10', '203.0.113.11', '203.0.113.12'].map((ip) => target('Ip', ip)),
      context({ sentinel }),
    );
    expect(found).toEqual({
      'Ip:203.0.113.10':
        'Threat intelligence: bad 203.0.113.10 (confidence 80, malicious-activity)',
    });
  });

  it('asks Sentinel geodata about public IPs only', async () => {
    const asked: string[] = [];
    const sentinel = {
      getIpGeodata: async (ip: string) => {
        asked.push(ip);
        return {
          ipAddr: ip,
          country: 'netherlands',
          city: 'amsterdam',
          asn: '64500',
          organization: 'Example',
        };
      },
    } as unknown as SentinelContextClient;
    const provider = ipGeodataProvider(5);
    const found = await summaries(provider, [target('Ip', '8.8.4.4')], context({ sentinel }));

    expect(provider.accepts?.(target('Ip', '10.0.0.1'))).toBe(false);
    expect(asked).toEqual(['8.8.4.4']);
    expect(found).toEqual({ 'Ip:8.8.4.4': 'amsterdam, netherlands; AS64500 Example' });
  });
});

describe('the provider pipeline', () => {
  const options = { timeoutMs: 200, concurrency: 2, cacheTtlMs: 60_000 };
  const targets = [target('Ip', '10.0.0.1'), target('Ip', '10.0.0.2'), target('Ip', '10.0.0.3')];

  function counting(overrides: Partial<EnrichmentProvider> = {}) {
    const state = { calls: 0, inFlight: 0, maxInFlight: 0 };
    const provider: EnrichmentProvider = {
      name: 'counting',
      kinds: ['Ip'],
      lookup: async ([item]) => {
        state.calls += 1;
        state.inFlight += 1;
        state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
        await new Promise((resolve) => setTimeout(resolve, 10));
        state.inFlight -= 1;
        return item ? [{ targetKey: item.key, summary: `seen ${item.value}` }] : [];
      },
      ...overrides,
    };
    return { provider, state };
  }

  it('reports a provider that hangs as timed out and keeps the others', async () => {
    const hanging: EnrichmentProvider = {
      name: 'hanging',
      kinds: ['Ip'],
      timeoutMs: 50,
      lookup: () => new Promise(() => {}),
    };
    const { provider } = counting();
    const pipeline = new ProviderPipeline([hanging, provider], options);

    const result = await pipeline.run(targets, { scope: '' });

    expect(result.runs.map((run) => [run.name, run.status])).toEqual([
      ['hanging', 'timedOut'],
      ['counting', 'ok'],
    ]);
    expect(result.runs[0]?.detail).toBe('0 of 3 lookups finished within 50 ms');
    expect(result.findings.map((finding) => finding.provider)).toEqual([
      'counting',
      'counting',
      'counting',
    ]);
  });

  it('reports a provider that throws as failed', async () => {
    const failing: EnrichmentProvider = {
      name: 'failing',
      kinds: ['Ip'],
      lookup: async () => {
        throw new Error('boom');
      },
    };
    const result = await new ProviderPipeline([failing], options).run(targets, { scope: '' });
    expect(result.runs[0]).toMatchObject({
      status: 'failed',
      detail: '3 of 3 lookups failed: Error: boom',
    });
  });

  it('answers from the cache the second time, with provenance', async () => {
    const { provider, state } = counting();
    const pipeline = new ProviderPipeline([provider], options);

    await pipeline.run(targets, { scope: 'ws-1' });
    const second = await pipeline.run(targets, { scope: 'ws-1' });
    const otherWorkspace = await pipeline.run(targets, { scope: 'ws-2' });

    expect(state.calls).toBe(6);
    expect(second.runs[0]).toMatchObject({ fromCache: 3, looked: 0 });
    expect(second.findings.every((finding) => finding.cached && finding.fetchedAt !== '')).toBe(
      true,
    );
    expect(otherWorkspace.runs[0]).toMatchObject({ fromCache: 0, looked: 3 });
  });

  it('keeps to the concurrency cap and the lookup cap', async () => {
    const { provider, state } = counting({ concurrency: 1, maxTargets: 2 });
    const result = await new ProviderPipeline([provider], options).run(targets, { scope: '' });

    expect(state.maxInFlight).toBe(1);
    expect(state.calls).toBe(2);
    expect(result.runs[0]?.detail).toBe('1 not looked up (at most 2 per enrichment)');
  });

  it('skips a provider whose source is not configured', async () => {
    const { provider } = counting({ requires: ['sentinel'] });
    const result = await new ProviderPipeline([provider], options).run(targets, { scope: '' });
    expect(result.runs[0]).toMatchObject({
      status: 'skipped',
      detail: 'needs sentinel, not configured here',
    });
  });
});

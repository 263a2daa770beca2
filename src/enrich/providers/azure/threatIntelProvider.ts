/**
 * Sentinel threat-intelligence indicators matching the incident's IPs, URLs (and their host
 * names), domains and file hashes. One `queryIndicators` call covers a batch of values as
 * keywords; the answer is matched back exactly, value by value, against each indicator's
 * parsed pattern, so a keyword search that is broader than an exact match never counts as a
 * hit. Revoked and expired indicators are ignored.
 */
import { parse } from 'tldts';
import type { ThreatIntelligenceIndicator } from '../../../model/sentinelContext.ts';
import type { EnrichmentProvider, LookupTarget, ProviderFinding } from '../enrichmentProvider.ts';

export interface ThreatIntelProviderOptions {
  minConfidence: number;
  batchSize: number;
}

/** The values a target is known by in indicators: a URL also by its host name. */
function observables(target: LookupTarget): string[] {
  const value = target.value.toLowerCase();
  if (target.kind !== 'Url') return [value];
  const host = parse(target.value).hostname;
  return host ? [value, host.toLowerCase()] : [value];
}

/** Every value an indicator names: its parsed pattern, or the quoted values of its pattern. */
export function indicatorValues(indicator: ThreatIntelligenceIndicator): string[] {
  const parsed = (indicator.properties.parsedPattern ?? []).flatMap((pattern) =>
    (pattern.patternTypeValues ?? []).map((item) => String(item.value ?? '')),
  );
  const quoted = [
    ...String(indicator.properties.pattern ?? '').matchAll(/'((?:[^'\\]|\\.)*)'/g),
  ].map((match) => match[1] ?? '');
  return [...parsed, ...quoted].map((value) => value.trim().toLowerCase()).filter(Boolean);
}

function isLive(indicator: ThreatIntelligenceIndicator, now: Date): boolean {
  if (indicator.properties.revoked === true) return false;
  const until = Date.parse(String(indicator.properties.validUntil ?? ''));
  return Number.isNaN(until) || until > now.getTime();
}

export function threatIntelProvider(options: ThreatIntelProviderOptions): EnrichmentProvider {
  return {
    name: 'threatIntel',
    kinds: ['Ip', 'Url', 'DnsResolution', 'FileHash'],
    requires: ['sentinel'],
    batchSize: options.batchSize,
    concurrency: 2,
    lookup: async (targets, context) => {
      const keywords = [...new Set(targets.flatMap(observables))];
      const indicators = await context.sentinel!.queryIndicators(
        {
          keywords,
          pageSize: 100,
          includeDisabled: false,
          ...(options.minConfidence > 0 ? { minConfidence: options.minConfidence } : {}),
        },
        { abortSignal: context.signal, maxPages: 3 },
      );
      const live = indicators
        .filter((indicator) => indicator.kind === 'indicator' || indicator.kind === undefined)
        .filter((indicator) => isLive(indicator, context.now()))
        .filter((indicator) => (indicator.properties.confidence ?? 100) >= options.minConfidence)
        .map((indicator) => ({ indicator, values: new Set(indicatorValues(indicator)) }));

      return targets.flatMap((target): ProviderFinding[] => {
        const names = observables(target);
        const matches = live
          .filter(({ values }) => names.some((name) => values.has(name)))
          .sort(
            (a, b) =>
              (b.indicator.properties.confidence ?? 0) - (a.indicator.properties.confidence ?? 0),
          );
        const best = matches[0]?.indicator;
        if (!best) return [];

        const confidence = best.properties.confidence ?? 0;
        const threatTypes = best.properties.threatTypes ?? [];
        const label = best.properties.displayName || best.properties.pattern || best.name;
        const types = threatTypes.length > 0 ? `, ${threatTypes.join(', ')}` : '';
        return [
          {
            targetKey: target.key,
            summary: `Threat intelligence: ${label} (confidence ${confidence}${types})`,
            facts: {
              indicator: best.name,
              confidence,
              threatTypes: threatTypes.join(', '),
              indicatorSource: best.properties.source ?? '',
              matches: matches.length,
            },
            signals: { threatIntel: { indicator: best.name, confidence, threatTypes } },
            source: 'Sentinel threat intelligence',
          },
        ];
      });
    },
  };
}

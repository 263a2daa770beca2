/**
 * Enrichment time for an incident of 200 entities (and 60 alerts) with the offline providers:
 * extraction, every offline provider, the verdict, rendering and splitting the comment. Prints
 * the cold run (databases opened, empty cache), and warm runs, cache cleared or kept.
 * Run with `npm run bench:enrich`.
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseConfig } from '../src/config/loadConfig.ts';
import { IncidentEnricher } from '../src/enrich/incidentEnricher.ts';
import { buildProviders } from '../src/enrich/providers/buildProviders.ts';
import { silentLogger } from '../src/logging/logger.ts';
import { openStore } from '../src/store/openStore.ts';
import { PairRegistry } from '../src/sync/pairRegistry.ts';
import { largeGraphIncident } from '../test/support/largeIncident.ts';

const RUNS = 20;
const bundlePath = fileURLToPath(
  new URL('../test/fixtures/mitre-attack-bundle.json', import.meta.url),
);

const config = parseConfig({ enrichment: { offline: { mitreAttack: { bundlePath } } } }, 'bench');
const store = await openStore({ sqlitePath: ':memory:' });
const incident = largeGraphIncident({ alerts: 60, entities: 200 });

const setupStarted = performance.now();
const enricher = new IncidentEnricher({
  pairs: new PairRegistry([]),
  store,
  config: config.enrichment,
  providers: await buildProviders(config.enrichment),
  logger: silentLogger(),
});
const setupMs = performance.now() - setupStarted;

async function once(): Promise<{ ms: number; entities: number; parts: number }> {
  const started = performance.now();
  const outcome = await enricher.enrich({
    target: { kind: 'body', body: incident },
    writeSentinelComment: false,
    writeSentinelLabels: false,
    writeSentinelDescription: false,
    writeDefenderComment: false,
  });
  return {
    ms: performance.now() - started,
    entities: outcome.report.entities.length,
    parts: outcome.commentParts.length,
  };
}

function stats(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (share: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, min ${(sorted[0] ?? 0).toFixed(1)} ms`;
}

const cold = await once();
const uncached: number[] = [];
for (let run = 0; run < RUNS; run += 1) {
  enricher.pipeline.cache.clear();
  uncached.push((await once()).ms);
}
const cached: number[] = [];
for (let run = 0; run < RUNS; run += 1) cached.push((await once()).ms);

console.log(`enrichment of one incident: ${cold.entities} entities, 60 alerts, offline providers`);
console.log(`  provider setup (mmdb open): ${setupMs.toFixed(1)} ms`);
console.log(
  `  first run (bundle read, cold JIT): ${cold.ms.toFixed(1)} ms; comment in ${cold.parts} part(s)`,
);
console.log(`  warm, cache cleared (${RUNS} runs): ${stats(uncached)}`);
console.log(`  warm, cache kept (${RUNS} runs): ${stats(cached)}`);
await store.close();

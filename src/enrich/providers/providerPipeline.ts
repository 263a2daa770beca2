/**
 * Runs every provider over the targets it handles: all providers at once, each with its own
 * concurrency cap and deadline. Answers come from the cache when they are fresh. A provider
 * that throws or runs out of time is reported in its run and the others carry on; enrichment
 * never fails because a provider did.
 */
import pLimit from 'p-limit';
import { RemoteCallError } from '../../clients/remoteCallError.ts';
import type {
  EnrichmentProvider,
  LookupTarget,
  ProviderFinding,
  ProviderSources,
} from './enrichmentProvider.ts';
import { ProviderCache } from './providerCache.ts';

export type ProviderRunStatus = 'ok' | 'failed' | 'timedOut' | 'skipped';

export interface ProviderRun {
  name: string;
  status: ProviderRunStatus;
  detail: string;
  durationMs: number;
  /** Targets looked up remotely or offline in this run, and answered from the cache. */
  looked: number;
  fromCache: number;
}

/** A finding with its provenance. */
export interface SourcedFinding extends ProviderFinding {
  provider: string;
  source: string;
  fetchedAt: string;
  cached: boolean;
}

export interface PipelineResult {
  runs: ProviderRun[];
  findings: SourcedFinding[];
}

export interface ProviderPipelineOptions {
  timeoutMs: number;
  concurrency: number;
  cacheTtlMs: number;
  cache?: ProviderCache;
  now?: () => Date;
}

export interface PipelineSources extends ProviderSources {
  /** Separates cached answers of different workspaces and tenants. */
  scope: string;
}

export class ProviderPipeline {
  readonly cache: ProviderCache;
  private readonly now: () => Date;

  constructor(
    readonly providers: readonly EnrichmentProvider[],
    private readonly options: ProviderPipelineOptions,
  ) {
    this.cache = options.cache ?? new ProviderCache();
    this.now = options.now ?? (() => new Date());
  }

  async run(targets: readonly LookupTarget[], sources: PipelineSources): Promise<PipelineResult> {
    const results = await Promise.all(
      this.providers.map((provider) => this.runOne(provider, targets, sources)),
    );
    return {
      runs: results.map((result) => result.run),
      findings: results.flatMap((result) => result.findings),
    };
  }

  private async runOne(
    provider: EnrichmentProvider,
    allTargets: readonly LookupTarget[],
    sources: PipelineSources,
  ): Promise<{ run: ProviderRun; findings: SourcedFinding[] }> {
    const started = Date.now();
    const run = (status: ProviderRunStatus, detail: string, looked = 0, fromCache = 0) => ({
      name: provider.name,
      status,
      detail,
      durationMs: Date.now() - started,
      looked,
      fromCache,
    });

    const missing = (provider.requires ?? []).filter((source) => !sources[source]);
    if (missing.length > 0) {
      return {
        run: run('skipped', `needs ${missing.join(' and ')}, not configured here`),
        findings: [],
      };
    }
    const targets = uniqueTargets(
      allTargets.filter(
        (target) => provider.kinds.includes(target.kind) && (provider.accepts?.(target) ?? true),
      ),
    );
    if (targets.length === 0)
      return { run: run('skipped', 'nothing of its kinds to look up'), findings: [] };

    const ttl = provider.cacheTtlMs ?? this.options.cacheTtlMs;
    const findings: SourcedFinding[] = [];
    const pending: LookupTarget[] = [];
    for (const target of targets) {
      // Answers are cached per value; a cached one is re-keyed to the target asking now.
      const cached = ttl > 0 ? this.cache.get(this.cacheKey(provider, sources, target)) : undefined;
      if (!cached) {
        pending.push(target);
        continue;
      }
      const own = cached.findings.map((finding) => ({ ...finding, targetKey: target.key }));
      findings.push(
        ...own.map((finding) => this.sourced(provider, finding, cached.fetchedAt, true)),
      );
    }
    const fromCache = targets.length - pending.length;
    if (pending.length === 0) return { run: run('ok', '', 0, fromCache), findings };

    const asked = pending.slice(0, provider.maxTargets ?? pending.length);
    const outcome = await this.lookUp(provider, asked, sources, ttl);
    findings.push(...outcome.findings);
    const left = pending.length - asked.length;
    const capped = left > 0 ? `${left} not looked up (at most ${asked.length} per enrichment)` : '';
    const detail = [outcome.detail, capped].filter(Boolean).join('; ');
    return { run: run(outcome.status, detail, asked.length, fromCache), findings };
  }

  private async lookUp(
    provider: EnrichmentProvider,
    targets: LookupTarget[],
    sources: PipelineSources,
    ttl: number,
  ): Promise<{ status: ProviderRunStatus; detail: string; findings: SourcedFinding[] }> {
    const timeoutMs = provider.timeoutMs ?? this.options.timeoutMs;
    const batches = chunk(targets, Math.max(1, provider.batchSize ?? 1));
    const limit = pLimit(Math.max(1, provider.concurrency ?? this.options.concurrency));
    const controller = new AbortController();
    const findings: SourcedFinding[] = [];
    const failures: string[] = [];
    let finished = 0;

    const context = { ...sources, signal: controller.signal, now: this.now };
    const tasks = batches.map((batch) =>
      limit(async () => {
        if (controller.signal.aborted) return;
        try {
          const answers = await provider.lookup(batch, context);
          if (controller.signal.aborted) return;
          const fetchedAt = this.now().toISOString();
          this.remember(provider, sources, batch, answers, fetchedAt, ttl);
          const keys = new Set(batch.map((target) => target.key));
          for (const answer of answers) {
            if (keys.has(answer.targetKey))
              findings.push(this.sourced(provider, answer, fetchedAt, false));
          }
          finished += 1;
        } catch (error) {
          if (!controller.signal.aborted) failures.push(describeFailure(error));
        }
      }),
    );

    const timedOut = await raceDeadline(Promise.all(tasks), timeoutMs);
    if (timedOut) {
      controller.abort();
      limit.clearQueue();
      const detail = `${finished} of ${batches.length} lookups finished within ${timeoutMs} ms`;
      return { status: 'timedOut', detail, findings };
    }
    if (failures.length > 0) {
      const detail = `${failures.length} of ${batches.length} lookups failed: ${failures[0] ?? ''}`;
      return { status: 'failed', detail, findings };
    }
    return { status: 'ok', detail: '', findings };
  }

  private remember(
    provider: EnrichmentProvider,
    sources: PipelineSources,
    batch: readonly LookupTarget[],
    answers: readonly ProviderFinding[],
    fetchedAt: string,
    ttl: number,
  ): void {
    if (ttl <= 0) return;
    for (const target of batch) {
      const own = answers.filter((answer) => answer.targetKey === target.key);
      this.cache.set(this.cacheKey(provider, sources, target), { findings: own, fetchedAt }, ttl);
    }
  }

  private cacheKey(provider: EnrichmentProvider, sources: PipelineSources, target: LookupTarget) {
    return ProviderCache.key(provider.name, sources.scope, target.kind, target.value || target.key);
  }

  private sourced(
    provider: EnrichmentProvider,
    finding: ProviderFinding,
    fetchedAt: string,
    cached: boolean,
  ): SourcedFinding {
    return {
      ...finding,
      provider: provider.name,
      source: finding.source ?? provider.name,
      fetchedAt,
      cached,
    };
  }
}

function uniqueTargets(targets: LookupTarget[]): LookupTarget[] {
  const seen = new Set<string>();
  return targets.filter((target) => {
    if (seen.has(target.key)) return false;
    seen.add(target.key);
    return true;
  });
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    batches.push(items.slice(start, start + size));
  return batches;
}

/** True when the deadline came first. */
async function raceDeadline(work: Promise<unknown>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<true>((resolve) => {
    timer = setTimeout(() => resolve(true), timeoutMs);
  });
  try {
    return await Promise.race([work.then(() => false as const), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Remote errors say which call and status; other errors only their name and message. */
function describeFailure(error: unknown): string {
  if (error instanceof RemoteCallError) return error.message;
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 200);
  return 'the provider failed';
}

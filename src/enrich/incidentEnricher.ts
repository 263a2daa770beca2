/**
 * One enrichment, end to end: read the incident, extract its entities, run the providers,
 * score, render, and write back what the caller asked for. It returns only once its writes
 * are acknowledged (BR-12), so a playbook that closes the incident next does not race it.
 * Every remote call runs at the `enrichment` call priority: when a budget runs short, closing
 * and status syncs go first.
 */
import { withCallPriority } from '../clients/budgets/callPriority.ts';
import type { EnrichmentConfig } from '../config/enrichmentConfig.ts';
import type { Logger } from '../logging/logger.ts';
import { formatSentinelWorkspaceArmId } from '../model/sentinelIncidentArmId.ts';
import type { Store } from '../store/store.ts';
import { KeyedMutex } from '../sync/keyedMutex.ts';
import type { PairRegistry, PairRuntime } from '../sync/pairRegistry.ts';
import {
  applyEnrichmentWrites,
  type EnrichmentWrites,
  type WriteRequest,
} from './applyEnrichmentWrites.ts';
import { buildEnrichmentReport } from './buildEnrichmentReport.ts';
import type { EnrichmentReport } from './enrichmentReport.ts';
import { lookupTargets } from './enrichmentTargets.ts';
import { extractIncidentEntities } from './extract/extractIncidentEntities.ts';
import { loadEnrichmentSubject, type EnrichmentTarget } from './loadEnrichmentSubject.ts';
import type { EnrichmentProvider } from './providers/enrichmentProvider.ts';
import { ProviderCache } from './providers/providerCache.ts';
import { ProviderPipeline, type PipelineSources } from './providers/providerPipeline.ts';
import { lengthCounter } from './render/commentLength.ts';
import { partHeading, renderEnrichmentHtml } from './render/renderEnrichmentHtml.ts';
import { splitHtmlComment } from './render/splitHtmlComment.ts';
import { enrichmentNote } from './enrichmentNote.ts';

export interface IncidentEnricherOptions {
  pairs: PairRegistry;
  store: Store;
  config: EnrichmentConfig;
  providers: readonly EnrichmentProvider[];
  logger: Logger;
  /** The per-incident lock the sync uses, so writes to one incident never overlap. */
  mutex?: KeyedMutex;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

export interface EnrichRequest extends WriteRequest {
  target: EnrichmentTarget;
}

export interface EnrichOutcome {
  report: EnrichmentReport;
  commentHtml: string;
  commentParts: string[];
  writes: EnrichmentWrites;
}

export class IncidentEnricher {
  readonly pipeline: ProviderPipeline;
  private readonly mutex: KeyedMutex;

  constructor(private readonly options: IncidentEnricherOptions) {
    this.mutex = options.mutex ?? new KeyedMutex();
    this.pipeline = new ProviderPipeline(options.providers, {
      timeoutMs: options.config.timeoutMs,
      concurrency: options.config.concurrency,
      cacheTtlMs: options.config.cacheTtlMs,
      cache: new ProviderCache({ maxEntries: options.config.cacheMaxEntries }),
      now: options.now,
    });
  }

  enrich(request: EnrichRequest): Promise<EnrichOutcome> {
    return withCallPriority('enrichment', () => this.run(request));
  }

  private async run(request: EnrichRequest): Promise<EnrichOutcome> {
    const started = Date.now();
    const { config } = this.options;
    const subject = await loadEnrichmentSubject(request.target, this.options);

    const extracted = extractIncidentEntities(subject);
    const targets = lookupTargets(extracted.entities, extracted.techniques);
    const pipeline = await this.pipeline.run(targets, sourcesOf(subject.pair));
    const report = buildEnrichmentReport(subject, extracted, pipeline, config);

    const commentHtml = renderEnrichmentHtml(report);
    const split = splitHtmlComment(commentHtml, {
      maxLength: config.comment.maxChars,
      lengthOf: lengthCounter(config.comment.lengthUnit),
      maxParts: config.comment.maxParts,
      partHeading,
    });
    if (split.parts.length > 1) {
      report.notes.push(
        enrichmentNote(
          'commentHtml',
          'comment_split',
          `The comment is written in ${split.parts.length} parts.`,
          split.parts.length,
        ),
      );
    }
    if (split.omitted > 0 || split.shortened > 0) {
      const detail = `${split.omitted} rows left out, ${split.shortened} blocks shortened to fit`;
      report.notes.push(
        enrichmentNote('commentHtml', 'comment_truncated', `The comment was cut: ${detail}.`),
      );
    }

    const key = (subject.sentinel?.armId || `defender:${report.defenderIncidentId}`).toLowerCase();
    const writes = await this.mutex.run(key, () =>
      applyEnrichmentWrites(
        subject,
        report,
        { html: commentHtml, sentinelParts: split.parts },
        request,
        {
          config,
          sleep: this.options.sleep,
        },
      ),
    );

    this.options.logger.info(
      {
        pair: subject.pair?.config.name ?? '',
        entities: report.entities.length,
        entitiesComplete: report.entitiesComplete,
        score: report.verdict.score,
        providers: report.providers.map((run) => `${run.name}:${run.status}`),
        commentParts: split.parts.length,
        writes: writes.changed,
        durationMs: Date.now() - started,
      },
      'incident enriched',
    );
    return { report, commentHtml, commentParts: split.parts, writes };
  }
}

function sourcesOf(pair: PairRuntime | undefined): PipelineSources {
  if (!pair) return { scope: '' };
  return {
    scope: `${formatSentinelWorkspaceArmId(pair.config.sentinel)}|${pair.config.defender.tenantId}`,
    sentinel: pair.sentinelContext,
    directory: pair.defender,
  };
}

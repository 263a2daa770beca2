/**
 * The writes an enrichment was asked for: the comment and labels (and a derived description)
 * on the Sentinel incident, the comment on the Defender one. A write that cannot be made, or
 * fails, becomes a note; the enrichment itself still stands.
 */
import type { EnrichmentConfig } from '../config/enrichmentConfig.ts';
import { enrichmentNote } from './enrichmentNote.ts';
import type { EnrichmentReport } from './enrichmentReport.ts';
import type { EnrichmentSubject } from './enrichmentSubject.ts';
import { defenderCommentParts, writeDefenderComment } from './writeBack/writeDefenderComment.ts';
import { writeSentinelComment } from './writeBack/writeSentinelComment.ts';
import { writeSentinelLabels } from './writeBack/writeSentinelLabels.ts';

export interface WriteRequest {
  writeSentinelComment: boolean;
  writeSentinelLabels: boolean;
  writeSentinelDescription: boolean;
  writeDefenderComment: boolean;
}

export type WriteName =
  'sentinelComment' | 'sentinelLabels' | 'sentinelDescription' | 'defenderComment';

export interface EnrichmentWrites {
  /** The incident holds the enrichment comment (written now or already there). */
  sentinelComment: boolean;
  sentinelLabels: boolean;
  sentinelDescription: boolean;
  defenderComment: boolean;
  sentinelCommentIds: string[];
  /** The writes that changed something; empty when everything was already in place. */
  changed: WriteName[];
}

export async function applyEnrichmentWrites(
  subject: EnrichmentSubject,
  report: EnrichmentReport,
  comment: { html: string; sentinelParts: string[] },
  request: WriteRequest,
  options: { config: EnrichmentConfig; sleep?: (ms: number) => Promise<void> },
): Promise<EnrichmentWrites> {
  const writes: EnrichmentWrites = {
    sentinelComment: false,
    sentinelLabels: false,
    sentinelDescription: false,
    defenderComment: false,
    sentinelCommentIds: [],
    changed: [],
  };
  const { pair } = subject;
  const sentinel = subject.sentinel?.armId ? subject.sentinel : undefined;
  const failed = (field: WriteName, error: unknown) =>
    report.notes.push(
      enrichmentNote(
        field,
        'write_failed',
        `The write failed: ${error instanceof Error ? error.message : 'unknown error'}.`,
      ),
    );
  const impossible = (field: WriteName, why: string) =>
    report.notes.push(enrichmentNote(field, 'write_not_possible', why));

  if (request.writeSentinelComment) {
    if (!pair || !sentinel)
      impossible('sentinelComment', 'No Sentinel incident of a configured pair to write to.');
    else {
      try {
        const outcome = await writeSentinelComment(
          pair.sentinel,
          sentinel.armId,
          sentinel.incidentName,
          comment.sentinelParts,
        );
        writes.sentinelComment = true;
        writes.sentinelCommentIds = outcome.commentIds;
        if (outcome.changed) writes.changed.push('sentinelComment');
      } catch (error) {
        failed('sentinelComment', error);
      }
    }
  }

  const wantsDescription = request.writeSentinelDescription && report.description !== '';
  if (request.writeSentinelLabels || wantsDescription) {
    if (!pair || !sentinel)
      impossible('sentinelLabels', 'No Sentinel incident of a configured pair to write to.');
    else {
      try {
        const outcome = await writeSentinelLabels(
          pair.sentinel,
          sentinel.incidentName,
          {
            labels: request.writeSentinelLabels ? report.labels : undefined,
            description: wantsDescription ? report.description : undefined,
          },
          { sleep: options.sleep },
        );
        if (outcome.kind === 'failed') failed('sentinelLabels', new Error(outcome.reason));
        else {
          writes.sentinelLabels = request.writeSentinelLabels;
          writes.sentinelDescription = outcome.descriptionWritten;
          if (outcome.changed && request.writeSentinelLabels) writes.changed.push('sentinelLabels');
          if (outcome.descriptionWritten) writes.changed.push('sentinelDescription');
        }
      } catch (error) {
        failed('sentinelLabels', error);
      }
    }
  }

  if (request.writeDefenderComment) {
    const defender = subject.defender;
    if (!pair || !defender)
      impossible('defenderComment', 'No Defender incident of a configured pair to write to.');
    else {
      try {
        const parts = defenderCommentParts(comment.html, options.config.comment.defenderMaxChars);
        const outcome = await writeDefenderComment(pair.defender, defender.incidentId, parts);
        writes.defenderComment = true;
        if (outcome.changed) writes.changed.push('defenderComment');
      } catch (error) {
        failed('defenderComment', error);
      }
    }
  }
  return writes;
}

/**
 * Carries new comments across a linked pair, once each, through the comment ledger. Sentinel
 * copies get ids derived from the link and the source comment, so a retried write lands on the
 * same id; Defender copies are found again by their text, so a write whose answer was lost is
 * not made twice. Copies are never carried back. Edits are not carried (neither API lets
 * incident-bridge edit a Defender comment); Sentinel's 100-comment cap is respected.
 */
import type { FieldPolicy } from '../../config/config.ts';
import { readGraphComment } from '../../mapping/readGraphIncident.ts';
import type { GraphComment, GraphIncident } from '../../model/graphIncident.ts';
import { SENTINEL_LIMITS, type SentinelComment } from '../../model/sentinelIncident.ts';
import type { LinkRecord } from '../../store/linkRecord.ts';
import type { CommentLedgerEntry, Store } from '../../store/store.ts';
import type { SyncNote } from '../core/syncPlan.ts';
import type { PairRuntime } from '../pairRegistry.ts';
import {
  defenderCommentFingerprint,
  sentinelCommentFingerprint,
  sentinelCommentId,
} from './commentFingerprint.ts';
import {
  comparableText,
  defenderCommentForSentinel,
  isCarriedFromDefender,
  isCarriedFromSentinel,
  sentinelCommentForDefender,
} from './formatCarriedComment.ts';

export interface CommentSyncResult {
  toSentinel: number;
  toDefender: number;
  notes: SyncNote[];
}

export interface SyncCommentsOptions {
  store: Store;
  policy: FieldPolicy;
  /** Defender's comment length limit is not documented; Sentinel's is used unless configured. */
  defenderMaxChars?: number;
  /** The Defender incident with its comments, when the caller has just read it. */
  defender?: GraphIncident;
  /**
   * Sentinel's etag as the field sync read it, and as the sync left it. When the first is the
   * one at which every comment was last found carried, Sentinel has had no comment since.
   */
  sentinelEtags?: { read: string | undefined; after: string | undefined };
}

export async function syncComments(
  pair: PairRuntime,
  link: LinkRecord,
  options: SyncCommentsOptions,
): Promise<CommentSyncResult> {
  const result: CommentSyncResult = { toSentinel: 0, toDefender: 0, notes: [] };
  if (options.policy === 'off') return result;

  const incidentName = link.sentinelIncidentArmId.split('/').pop() ?? '';
  const [defender, ledger] = await Promise.all([
    options.defender ?? pair.defender.getIncident(link.defenderIncidentId),
    options.store.listCommentLedger(link.id),
  ]);
  if (!defender) return result;

  const carried = new Set(ledger.map((entry) => `${entry.direction}|${entry.sourceKey}`));
  const copies = new Set(ledger.flatMap((entry) => entry.targetKeys));
  const etags = options.sentinelEtags;
  const sentinelQuiet = etags?.read !== undefined && etags.read === link.commentsSyncedEtag;
  if (sentinelQuiet && !hasUncarried(defender, { carried, copies })) {
    // No Sentinel comment since all were carried (a comment moves the etag), and none new
    // in Defender: nothing to list or write.
    if (etags?.after) await options.store.markCommentsSynced(link.id, etags.after);
    return result;
  }

  const sentinelComments = await collect(pair.sentinel.listComments(incidentName));
  const record = async (entry: CommentLedgerEntry): Promise<void> => {
    await options.store.recordComment(link.id, entry);
    carried.add(`${entry.direction}|${entry.sourceKey}`);
    for (const key of entry.targetKeys) copies.add(key);
  };

  if (options.policy !== 'sentinelToDefender') {
    await carryToSentinel(pair, link, incidentName, defender, sentinelComments, {
      carried,
      copies,
      record,
      result,
    });
  }
  if (options.policy !== 'defenderToSentinel') {
    const limit = options.defenderMaxChars ?? SENTINEL_LIMITS.commentMaxChars;
    await carryToDefender(pair, link, defender, sentinelComments, limit, {
      carried,
      copies,
      record,
      result,
    });
  }
  // Comments written to Sentinel just now move its etag on: the next sync lists once more.
  if (etags?.after) await options.store.markCommentsSynced(link.id, etags.after);
  return result;
}

/** Whether Defender holds a comment not yet carried to Sentinel (nor carried from it). */
function hasUncarried(
  defender: GraphIncident,
  ledger: { carried: Set<string>; copies: Set<string> },
): boolean {
  return sortedDefenderComments(defender.comments ?? []).some((comment) =>
    awaitsCarrying(comment, ledger),
  );
}

/** A Defender comment neither carried to Sentinel yet, nor itself a copy of a Sentinel one. */
function awaitsCarrying(
  comment: ReturnType<typeof readGraphComment>,
  ledger: { carried: Set<string>; copies: Set<string> },
): boolean {
  const fingerprint = defenderCommentFingerprint(comment);
  if (ledger.copies.has(fingerprint)) return false;
  if (ledger.carried.has(`defenderToSentinel|${fingerprint}`)) return false;
  return !isCarriedFromSentinel(comment.text);
}

interface LedgerView {
  carried: Set<string>;
  copies: Set<string>;
  record: (entry: CommentLedgerEntry) => Promise<void>;
  result: CommentSyncResult;
}

async function carryToSentinel(
  pair: PairRuntime,
  link: LinkRecord,
  incidentName: string,
  defender: GraphIncident,
  sentinelComments: SentinelComment[],
  ledger: LedgerView,
): Promise<void> {
  const present = new Set(
    sentinelComments.map((comment) => comparableText(comment.properties.message)),
  );
  let count = sentinelComments.length;

  for (const comment of sortedDefenderComments(defender.comments ?? [])) {
    if (!awaitsCarrying(comment, ledger)) continue;
    const fingerprint = defenderCommentFingerprint(comment);
    if (present.has(comparableText(comment.text))) {
      // Already in Sentinel in its own words (written in both portals): nothing to carry.
      await ledger.record({
        direction: 'defenderToSentinel',
        sourceKey: fingerprint,
        targetKeys: [],
      });
      continue;
    }

    const messages = defenderCommentForSentinel(comment);
    if (count + messages.length > SENTINEL_LIMITS.commentsPerIncident) {
      ledger.result.notes.push({
        field: 'comments',
        code: 'comment_cap_reached',
        message: `Sentinel keeps at most ${SENTINEL_LIMITS.commentsPerIncident} comments; the rest stay in Defender.`,
        value: String(count),
      });
      return;
    }

    const ids = messages.map((_, part) => sentinelCommentId(link.id, fingerprint, part));
    for (const [part, message] of messages.entries()) {
      await pair.sentinel.putComment(incidentName, ids[part] ?? '', message);
    }
    count += messages.length;
    ledger.result.toSentinel += messages.length;
    await ledger.record({
      direction: 'defenderToSentinel',
      sourceKey: fingerprint,
      targetKeys: ids.map(sentinelCommentFingerprint),
    });
  }
}

async function carryToDefender(
  pair: PairRuntime,
  link: LinkRecord,
  defender: GraphIncident,
  sentinelComments: SentinelComment[],
  maxChars: number,
  ledger: LedgerView,
): Promise<void> {
  let defenderComments = (defender.comments ?? []).map(readGraphComment);
  const present = (): Set<string> =>
    new Set(defenderComments.map((comment) => comparableText(comment.text)));

  for (const comment of sortedSentinelComments(sentinelComments)) {
    const key = sentinelCommentFingerprint(comment.name);
    if (ledger.copies.has(key) || ledger.carried.has(`sentinelToDefender|${key}`)) continue;
    if (isCarriedFromDefender(comment.properties.message)) continue;
    if (present().has(comparableText(comment.properties.message))) continue;

    const fingerprints: string[] = [];
    for (const text of sentinelCommentForDefender(comment, maxChars)) {
      // Already there (a write whose answer was lost): adopt it instead of writing it again.
      const existing = defenderComments.find((candidate) => candidate.text === text);
      if (!existing) {
        defenderComments = (await pair.defender.addComment(link.defenderIncidentId, text)).map(
          readGraphComment,
        );
        ledger.result.toDefender += 1;
      }
      const written =
        existing ?? defenderComments.filter((candidate) => candidate.text === text).at(-1);
      if (written) fingerprints.push(defenderCommentFingerprint(written));
    }
    await ledger.record({
      direction: 'sentinelToDefender',
      sourceKey: key,
      targetKeys: fingerprints,
    });
  }
}

function sortedDefenderComments(comments: GraphComment[]) {
  return comments
    .map(readGraphComment)
    .sort((a, b) => Date.parse(a.createdDateTime) - Date.parse(b.createdDateTime));
}

function sortedSentinelComments(comments: SentinelComment[]): SentinelComment[] {
  return [...comments].sort(
    (a, b) =>
      Date.parse(a.properties.createdTimeUtc ?? '') - Date.parse(b.properties.createdTimeUtc ?? ''),
  );
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

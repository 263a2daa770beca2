/**
 * Turns an API consumer's update into an `IncidentUpdate` the sync can apply, or explains
 * precisely why it cannot be applied, before anything is written. Values are accepted in
 * Sentinel's or Graph's vocabulary, in any case, and closure codes through the alias table.
 */
import { GRAPH_CLASSIFICATIONS, type GraphDetermination } from '../../model/graphIncident.ts';
import {
  closePairLabel,
  isValidClosePair,
  SENTINEL_CLASSIFICATION_REASONS,
  SENTINEL_CLOSE_PAIRS,
  SENTINEL_SEVERITIES,
  SENTINEL_STATUSES,
  type SentinelClosePair,
  type SentinelStatus,
} from '../../model/sentinelIncident.ts';
import {
  DETERMINATIONS_BY_CLASSIFICATION,
  determinationFits,
  graphClassificationToSentinel,
  isVerdict,
  sentinelClassificationToGraph,
  parseGraphClassification,
  parseGraphDetermination,
  parseSentinelClosePair,
  type FalsePositiveReasonRule,
} from '../../mapping/classificationTable.ts';
import { matchEnumValue } from '../../mapping/enumValue.ts';
import { aliasKey, DEFAULT_CLOSURE_ALIASES, parseClosePairLabel } from './closureAliases.ts';
import type { IncidentUpdate } from './incidentUpdate.ts';

export interface IncidentUpdateInput {
  status?: string;
  classification?: string;
  classificationReason?: string;
  determination?: string;
  closeNotes?: string;
  owner?: string;
  tagsToAdd?: string[];
  tagsToRemove?: string[];
  comment?: string;
  severity?: string;
}

export interface UpdateProblem {
  field: string;
  message: string;
  acceptedValues: string[];
}

export type NormalizedUpdate =
  { ok: true; update: IncidentUpdate } | { ok: false; problems: UpdateProblem[] };

export interface NormalizeOptions {
  id: string;
  receivedAt: string;
  side: 'sentinel' | 'defender';
  aliases?: Readonly<Record<string, string>>;
  falsePositiveRule?: FalsePositiveReasonRule;
}

const STATUS_WORDS: Readonly<Record<string, SentinelStatus>> = {
  new: 'New',
  open: 'New',
  active: 'New',
  'in progress': 'Active',
  inprogress: 'Active',
  closed: 'Closed',
  resolved: 'Closed',
};

export function normalizeIncidentUpdate(
  input: IncidentUpdateInput,
  options: NormalizeOptions,
): NormalizedUpdate {
  const problems: UpdateProblem[] = [];
  const update: IncidentUpdate = {
    id: options.id,
    receivedAt: options.receivedAt,
    tagsToAdd: input.tagsToAdd ?? [],
    tagsToRemove: input.tagsToRemove ?? [],
  };

  if (input.status !== undefined) {
    const status = parseStatus(input.status, options.side);
    if (status) update.status = status;
    else
      problems.push({
        field: 'body.status',
        message: 'is not a status',
        acceptedValues: acceptedStatuses(options.side),
      });
  }

  const aliases = {
    ...lowercaseKeys(DEFAULT_CLOSURE_ALIASES),
    ...lowercaseKeys(options.aliases ?? {}),
  };
  if (input.classification !== undefined) {
    const pair = parseClassification(input, aliases, options.falsePositiveRule);
    if (pair.ok) update.closePair = pair.pair;
    else problems.push(pair.problem);
  }
  if (input.determination !== undefined) {
    const determination = parseGraphDetermination(input.determination);
    if (determination) update.determination = determination as GraphDetermination;
    else
      problems.push({
        field: 'body.determination',
        message: 'is not a Defender determination',
        acceptedValues: [],
      });
  }

  if (update.determination && update.closePair) {
    const verdict = sentinelClassificationToGraph(update.closePair);
    if (verdict && !determinationFits(verdict.classification, update.determination)) {
      problems.push({
        field: 'body.determination',
        message: `does not belong to the classification ${verdict.classification}`,
        acceptedValues: isVerdict(verdict.classification)
          ? [...DETERMINATIONS_BY_CLASSIFICATION[verdict.classification]]
          : ['unknown'],
      });
    }
  }

  if (update.status === 'Closed' && !update.closePair && options.side === 'sentinel') {
    problems.push({
      field: 'body.classification',
      message: 'Sentinel closes an incident only with a classification',
      acceptedValues: SENTINEL_CLOSE_PAIRS.map(closePairLabel),
    });
  }
  if (input.severity !== undefined) {
    const severity = matchEnumValue(input.severity, SENTINEL_SEVERITIES);
    if (options.side === 'defender') {
      problems.push({
        field: 'body.severity',
        message: 'Defender computes severity; address the Sentinel incident',
        acceptedValues: [],
      });
    } else if (severity) update.severity = severity;
    else
      problems.push({
        field: 'body.severity',
        message: 'is not a severity',
        acceptedValues: [...SENTINEL_SEVERITIES],
      });
  }

  if (input.closeNotes !== undefined) update.classificationComment = input.closeNotes;
  if (input.owner !== undefined)
    update.owner = input.owner.trim() === '' ? null : input.owner.trim();
  if (input.comment !== undefined && input.comment.trim() !== '') update.comment = input.comment;
  return problems.length > 0 ? { ok: false, problems } : { ok: true, update };
}

function parseStatus(value: string, side: 'sentinel' | 'defender'): SentinelStatus | undefined {
  const exact = matchEnumValue(value, SENTINEL_STATUSES);
  // Graph's `active` is Sentinel's `New`: read a bare "active" in the vocabulary of the target.
  if (exact && !(side === 'defender' && exact === 'Active')) return exact;
  return STATUS_WORDS[aliasKey(value)] ?? STATUS_WORDS[value.trim().toLowerCase()];
}

function acceptedStatuses(side: 'sentinel' | 'defender'): string[] {
  return side === 'sentinel'
    ? ['New', 'Active', 'Closed', 'open', 'in progress', 'resolved']
    : ['active', 'inProgress', 'resolved', 'New', 'Closed'];
}

function parseClassification(
  input: IncidentUpdateInput,
  aliases: Readonly<Record<string, string>>,
  falsePositiveRule: FalsePositiveReasonRule | undefined,
): { ok: true; pair: SentinelClosePair } | { ok: false; problem: UpdateProblem } {
  const raw = input.classification ?? '';
  const accepted = [
    ...SENTINEL_CLOSE_PAIRS.map(closePairLabel),
    ...GRAPH_CLASSIFICATIONS.slice(0, 4),
  ];

  const fromLabel = parseClosePairLabel(raw);
  const labelled =
    fromLabel && parseSentinelClosePair(fromLabel.classification, fromLabel.classificationReason);
  if (labelled && isValidClosePair(labelled.classification, labelled.classificationReason))
    return { ok: true, pair: labelled };

  const sentinel = parseSentinelClosePair(raw, input.classificationReason ?? defaultReason(raw));
  if (sentinel && isValidClosePair(sentinel.classification, sentinel.classificationReason))
    return { ok: true, pair: sentinel };
  if (sentinel || matchEnumValue(raw, ['FalsePositive'])) {
    const reasons = SENTINEL_CLOSE_PAIRS.filter(
      (pair) => pair.classification.toLowerCase() === raw.trim().toLowerCase(),
    );
    return {
      ok: false,
      problem: {
        field: 'body.classificationReason',
        message: 'this classification needs one of these reasons',
        acceptedValues:
          reasons.length > 0
            ? reasons.map((pair) => pair.classificationReason ?? '')
            : [...SENTINEL_CLASSIFICATION_REASONS],
      },
    };
  }

  const graph = parseGraphClassification(raw);
  if (graph) {
    const determination = parseGraphDetermination(input.determination ?? 'unknown') ?? 'unknown';
    return {
      ok: true,
      pair: graphClassificationToSentinel(graph, determination, falsePositiveRule),
    };
  }

  const alias = aliases[aliasKey(raw)];
  const aliased = alias ? parseClosePairLabel(alias) : undefined;
  if (aliased && isValidClosePair(aliased.classification, aliased.classificationReason))
    return { ok: true, pair: aliased };

  return {
    ok: false,
    problem: {
      field: 'body.classification',
      message: 'is not a classification or a known closure code',
      acceptedValues: accepted,
    },
  };
}

/** Classifications with one possible reason take it without being told. */
function defaultReason(classification: string): string | undefined {
  const matches = SENTINEL_CLOSE_PAIRS.filter(
    (pair) => pair.classification.toLowerCase() === classification.trim().toLowerCase(),
  );
  return matches.length === 1 ? (matches[0]?.classificationReason ?? undefined) : undefined;
}

function lowercaseKeys(table: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(table).map(([key, value]) => [aliasKey(key), value]));
}

/**
 * Classification and determination (Graph) against classification and classificationReason
 * (Sentinel), per sync-semantics section 6.4 and the five close pairs Sentinel accepts.
 *
 * Graph is finer: a determination under each classification. Sentinel keeps one reason per
 * classification (two for FalsePositive), so the Graph to Sentinel hop loses the determination.
 * incident-bridge remembers the last determination it saw per classification
 * (`DeterminationMemory`) and writes it back when the Sentinel pair still matches it, which
 * makes the round trip lossless.
 */
import {
  GRAPH_CLASSIFICATIONS,
  GRAPH_DETERMINATIONS,
  GRAPH_DETERMINATION_RENAMES,
  type GraphClassification,
  type GraphDetermination,
} from '../model/graphIncident.ts';
import {
  SENTINEL_CLASSIFICATIONS,
  SENTINEL_CLASSIFICATION_REASONS,
  isValidClosePair,
  type SentinelClosePair,
} from '../model/sentinelIncident.ts';
import { matchEnumValue } from './enumValue.ts';

/** Graph classifications that carry a verdict (everything but unknown). */
export type GraphVerdict = Exclude<GraphClassification, 'unknown' | 'unknownFutureValue'>;

/**
 * Which determinations belong to which classification, as the Defender portal groups them.
 * `apt` and `securityPersonnel` are deprecated: read, never produced.
 */
export const DETERMINATIONS_BY_CLASSIFICATION: Readonly<
  Record<GraphVerdict, readonly GraphDetermination[]>
> = {
  truePositive: [
    'multiStagedAttack',
    'maliciousUserActivity',
    'compromisedAccount',
    'malware',
    'phishing',
    'unwantedSoftware',
    'other',
    'apt',
  ],
  informationalExpectedActivity: [
    'securityTesting',
    'lineOfBusinessApplication',
    'confirmedActivity',
    'other',
    'securityPersonnel',
  ],
  falsePositive: ['notMalicious', 'notEnoughDataToValidate', 'other'],
};

const DEPRECATED_DETERMINATIONS: readonly GraphDetermination[] = ['apt', 'securityPersonnel'];

/** The last determination seen under each classification of one Defender incident. */
export type DeterminationMemory = Partial<Record<GraphVerdict, GraphDetermination>>;

/** How a Graph false positive picks its Sentinel reason. */
export type FalsePositiveReasonRule =
  /** notMalicious reads as IncorrectAlertLogic, the rest as InaccurateData. */
  | 'byDetermination'
  /** Always InaccurateData, as Microsoft's own connector does. */
  | 'inaccurateData';

export function parseGraphClassification(value: unknown): GraphClassification | undefined {
  return matchEnumValue(value, GRAPH_CLASSIFICATIONS);
}

/** Accepts current and former Graph names and the legacy API spellings, in any case. */
export function parseGraphDetermination(value: unknown): GraphDetermination | undefined {
  if (typeof value !== 'string') return undefined;

  const current = matchEnumValue(value, GRAPH_DETERMINATIONS);
  if (current) return current;

  const renamed = Object.entries(GRAPH_DETERMINATION_RENAMES).find(
    ([former]) => former.toLowerCase() === value.trim().toLowerCase(),
  );
  if (renamed) return renamed[1];

  const legacy = value.trim().toLowerCase();
  if (legacy === 'notavailable') return 'unknown';
  if (legacy === 'noenoughdatatovalidate') return 'notEnoughDataToValidate';
  return undefined;
}

export function isVerdict(classification: GraphClassification): classification is GraphVerdict {
  return classification !== 'unknown' && classification !== 'unknownFutureValue';
}

/** True when Defender files this determination under this classification. */
export function determinationFits(
  classification: GraphClassification,
  determination: GraphDetermination,
): boolean {
  if (!isVerdict(classification)) return determination === 'unknown';
  return DETERMINATIONS_BY_CLASSIFICATION[classification].includes(determination);
}

export function isDeprecatedDetermination(determination: GraphDetermination): boolean {
  return DEPRECATED_DETERMINATIONS.includes(determination);
}

/** The Sentinel close pair a Graph verdict maps to. */
export function graphClassificationToSentinel(
  classification: GraphClassification,
  determination: GraphDetermination,
  falsePositiveRule: FalsePositiveReasonRule = 'byDetermination',
): SentinelClosePair {
  switch (classification) {
    case 'truePositive':
      return { classification: 'TruePositive', classificationReason: 'SuspiciousActivity' };
    case 'informationalExpectedActivity':
      return { classification: 'BenignPositive', classificationReason: 'SuspiciousButExpected' };
    case 'falsePositive':
      return {
        classification: 'FalsePositive',
        classificationReason:
          falsePositiveRule === 'byDetermination' && determination === 'notMalicious'
            ? 'IncorrectAlertLogic'
            : 'InaccurateData',
      };
    case 'unknown':
    case 'unknownFutureValue':
      return { classification: 'Undetermined', classificationReason: null };
  }
}

const DEFAULT_DETERMINATION_FOR_PAIR: ReadonlyArray<{
  pair: SentinelClosePair;
  classification: GraphClassification;
  determination: GraphDetermination;
}> = [
  {
    pair: { classification: 'TruePositive', classificationReason: 'SuspiciousActivity' },
    classification: 'truePositive',
    determination: 'other',
  },
  {
    pair: { classification: 'BenignPositive', classificationReason: 'SuspiciousButExpected' },
    classification: 'informationalExpectedActivity',
    determination: 'other',
  },
  {
    pair: { classification: 'FalsePositive', classificationReason: 'InaccurateData' },
    classification: 'falsePositive',
    determination: 'notEnoughDataToValidate',
  },
  {
    pair: { classification: 'FalsePositive', classificationReason: 'IncorrectAlertLogic' },
    classification: 'falsePositive',
    determination: 'notMalicious',
  },
  {
    pair: { classification: 'Undetermined', classificationReason: null },
    classification: 'unknown',
    determination: 'unknown',
  },
];

export interface GraphVerdictChoice {
  classification: GraphClassification;
  determination: GraphDetermination;
  /** True when a remembered determination was written back rather than a default. */
  fromMemory: boolean;
}

/**
 * The Graph classification and determination for a valid Sentinel close pair. A remembered
 * determination wins when it maps back to the same pair; otherwise the pair's default.
 * Returns `undefined` for a pair Sentinel would not accept.
 */
export function sentinelClassificationToGraph(
  pair: SentinelClosePair,
  memory: DeterminationMemory = {},
  falsePositiveRule: FalsePositiveReasonRule = 'byDetermination',
): GraphVerdictChoice | undefined {
  if (!isValidClosePair(pair.classification, pair.classificationReason)) return undefined;

  const row = DEFAULT_DETERMINATION_FOR_PAIR.find(
    (candidate) =>
      candidate.pair.classification === pair.classification &&
      candidate.pair.classificationReason === (pair.classificationReason ?? null),
  );
  if (!row) return undefined;

  const remembered = isVerdict(row.classification) ? memory[row.classification] : undefined;
  if (remembered && determinationFits(row.classification, remembered)) {
    const back = graphClassificationToSentinel(row.classification, remembered, falsePositiveRule);
    if (back.classificationReason === (pair.classificationReason ?? null)) {
      return { classification: row.classification, determination: remembered, fromMemory: true };
    }
  }
  return {
    classification: row.classification,
    determination: row.determination,
    fromMemory: false,
  };
}

/** Reads a Sentinel classification and reason as they arrive, any case; undefined if unknown. */
export function parseSentinelClosePair(
  classification: unknown,
  classificationReason: unknown,
): SentinelClosePair | undefined {
  const parsedClass = matchEnumValue(classification, SENTINEL_CLASSIFICATIONS);
  if (!parsedClass) return undefined;

  const hasReason = typeof classificationReason === 'string' && classificationReason !== '';
  const parsedReason = hasReason
    ? matchEnumValue(classificationReason, SENTINEL_CLASSIFICATION_REASONS)
    : null;
  if (parsedReason === undefined) return undefined;

  return { classification: parsedClass, classificationReason: parsedReason };
}

/** Records a determination under its classification, for later round trips. */
export function rememberDetermination(
  memory: DeterminationMemory,
  classification: GraphClassification,
  determination: GraphDetermination,
): DeterminationMemory {
  if (!isVerdict(classification) || !determinationFits(classification, determination)) {
    return memory;
  }
  if (memory[classification] === determination) return memory;
  return { ...memory, [classification]: determination };
}

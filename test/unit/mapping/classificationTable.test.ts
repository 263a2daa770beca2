import { describe, expect, it } from 'vitest';
import {
  DETERMINATIONS_BY_CLASSIFICATION,
  graphClassificationToSentinel,
  parseGraphDetermination,
  parseSentinelClosePair,
  rememberDetermination,
  sentinelClassificationToGraph,
} from '../../../src/mapping/classificationTable.ts';
import { isValidClosePair, SENTINEL_CLOSE_PAIRS } from '../../../src/model/sentinelIncident.ts';
import { GRAPH_CLASSIFICATIONS, GRAPH_DETERMINATIONS } from '../../../src/model/graphIncident.ts';

describe('Graph classification to Sentinel close pair', () => {
  it.each([
    ['truePositive', 'multiStagedAttack', 'TruePositive', 'SuspiciousActivity'],
    ['truePositive', 'malware', 'TruePositive', 'SuspiciousActivity'],
    ['informationalExpectedActivity', 'securityTesting', 'BenignPositive', 'SuspiciousButExpected'],
    ['falsePositive', 'notMalicious', 'FalsePositive', 'IncorrectAlertLogic'],
    ['falsePositive', 'notEnoughDataToValidate', 'FalsePositive', 'InaccurateData'],
    ['falsePositive', 'other', 'FalsePositive', 'InaccurateData'],
    ['unknown', 'unknown', 'Undetermined', null],
    ['unknownFutureValue', 'unknown', 'Undetermined', null],
  ] as const)('%s / %s -> %s / %s', (classification, determination, sentinelClass, reason) => {
    expect(graphClassificationToSentinel(classification, determination)).toEqual({
      classification: sentinelClass,
      classificationReason: reason,
    });
  });

  it('follows the native connector (every false positive is InaccurateData) when asked', () => {
    expect(
      graphClassificationToSentinel('falsePositive', 'notMalicious', 'inaccurateData'),
    ).toEqual({
      classification: 'FalsePositive',
      classificationReason: 'InaccurateData',
    });
  });

  it('never produces a pair Sentinel would refuse, for any classification and determination', () => {
    for (const classification of GRAPH_CLASSIFICATIONS) {
      for (const determination of GRAPH_DETERMINATIONS) {
        for (const rule of ['byDetermination', 'inaccurateData'] as const) {
          const pair = graphClassificationToSentinel(classification, determination, rule);
          expect(isValidClosePair(pair.classification, pair.classificationReason)).toBe(true);
        }
      }
    }
  });
});

describe('Sentinel close pair to Graph classification', () => {
  it.each([
    ['TruePositive', 'SuspiciousActivity', 'truePositive', 'other'],
    ['BenignPositive', 'SuspiciousButExpected', 'informationalExpectedActivity', 'other'],
    ['FalsePositive', 'InaccurateData', 'falsePositive', 'notEnoughDataToValidate'],
    ['FalsePositive', 'IncorrectAlertLogic', 'falsePositive', 'notMalicious'],
    ['Undetermined', null, 'unknown', 'unknown'],
  ] as const)(
    '%s / %s -> %s / %s without memory',
    (classification, reason, graphClass, determination) => {
      expect(
        sentinelClassificationToGraph({ classification, classificationReason: reason }),
      ).toEqual({
        classification: graphClass,
        determination,
        fromMemory: false,
      });
    },
  );

  it('writes back the remembered determination when it maps to the same pair', () => {
    const choice = sentinelClassificationToGraph(
      { classification: 'TruePositive', classificationReason: 'SuspiciousActivity' },
      { truePositive: 'phishing' },
    );
    expect(choice).toEqual({
      classification: 'truePositive',
      determination: 'phishing',
      fromMemory: true,
    });
  });

  it('ignores a remembered false-positive determination that belongs to the other reason', () => {
    const choice = sentinelClassificationToGraph(
      { classification: 'FalsePositive', classificationReason: 'IncorrectAlertLogic' },
      { falsePositive: 'notEnoughDataToValidate' },
    );
    expect(choice?.determination).toBe('notMalicious');
    expect(choice?.fromMemory).toBe(false);
  });

  it('refuses pairs Sentinel does not accept: BenignPositive without a reason (BR-05)', () => {
    expect(
      sentinelClassificationToGraph({
        classification: 'BenignPositive',
        classificationReason: null,
      }),
    ).toBeUndefined();
    expect(
      sentinelClassificationToGraph({
        classification: 'TruePositive',
        classificationReason: 'InaccurateData',
      }),
    ).toBeUndefined();
  });

  it('maps every one of the five valid pairs', () => {
    for (const pair of SENTINEL_CLOSE_PAIRS) {
      expect(sentinelClassificationToGraph(pair)).toBeDefined();
    }
  });
});

describe('determination names', () => {
  it.each([
    ['compromisedUser', 'compromisedAccount'],
    ['CompromisedUser', 'compromisedAccount'],
    ['clean', 'notMalicious'],
    ['Clean', 'notMalicious'],
    ['insufficientData', 'notEnoughDataToValidate'],
    ['InsufficientData', 'notEnoughDataToValidate'],
    ['confirmedUserActivity', 'confirmedActivity'],
    ['NoEnoughDataToValidate', 'notEnoughDataToValidate'],
    ['NotAvailable', 'unknown'],
    ['MULTISTAGEDATTACK', 'multiStagedAttack'],
    ['Apt', 'apt'],
  ])('reads %s as %s', (input, expected) => {
    expect(parseGraphDetermination(input)).toBe(expected);
  });

  it('returns undefined for a name it does not know', () => {
    expect(parseGraphDetermination('quantumIntrusion')).toBeUndefined();
  });

  it('files every current determination under at least one classification, or unknown', () => {
    const filed = new Set(Object.values(DETERMINATIONS_BY_CLASSIFICATION).flat());
    const unfiled = GRAPH_DETERMINATIONS.filter((name) => !filed.has(name));
    expect(unfiled.sort()).toEqual(['unknown', 'unknownFutureValue']);
  });
});

describe('Sentinel close pairs as sent', () => {
  it('reads any letter case', () => {
    expect(parseSentinelClosePair('truepositive', 'suspiciousactivity')).toEqual({
      classification: 'TruePositive',
      classificationReason: 'SuspiciousActivity',
    });
  });

  it('rejects an unknown reason', () => {
    expect(parseSentinelClosePair('FalsePositive', 'Bogus')).toBeUndefined();
  });
});

describe('determination memory', () => {
  it('keeps one determination per classification', () => {
    let memory = rememberDetermination({}, 'truePositive', 'malware');
    memory = rememberDetermination(memory, 'falsePositive', 'notMalicious');
    memory = rememberDetermination(memory, 'truePositive', 'phishing');
    expect(memory).toEqual({ truePositive: 'phishing', falsePositive: 'notMalicious' });
  });

  it('ignores a determination that does not belong to the classification', () => {
    expect(rememberDetermination({}, 'falsePositive', 'malware')).toEqual({});
  });
});

/**
 * Foreign closure codes (ITSM close codes, SOAR verdicts, free text) mapped to the five close
 * pairs Sentinel accepts (BR-06). Operators extend the table in config; lookups ignore case,
 * spacing and punctuation. A code that maps nowhere is refused with the accepted values.
 */
import type { SentinelClosePair } from '../../model/sentinelIncident.ts';

export const DEFAULT_CLOSURE_ALIASES: Readonly<Record<string, string>> = {
  'true positive': 'TruePositive - SuspiciousActivity',
  'resolved - true positive': 'TruePositive - SuspiciousActivity',
  'closed - true positive': 'TruePositive - SuspiciousActivity',
  confirmed: 'TruePositive - SuspiciousActivity',
  malicious: 'TruePositive - SuspiciousActivity',
  'benign positive': 'BenignPositive - SuspiciousButExpected',
  benign: 'BenignPositive - SuspiciousButExpected',
  'expected activity': 'BenignPositive - SuspiciousButExpected',
  'resolved - benign': 'BenignPositive - SuspiciousButExpected',
  'false positive': 'FalsePositive - InaccurateData',
  'resolved - false positive': 'FalsePositive - InaccurateData',
  'closed - false positive': 'FalsePositive - InaccurateData',
  'incorrect alert logic': 'FalsePositive - IncorrectAlertLogic',
  'inaccurate data': 'FalsePositive - InaccurateData',
  undetermined: 'Undetermined',
  canceled: 'Undetermined',
  cancelled: 'Undetermined',
  duplicate: 'Undetermined',
};

export function aliasKey(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function parseClosePairLabel(label: string): SentinelClosePair | undefined {
  const [classification, reason] = label.split(' - ').map((part) => part.trim());
  if (!classification) return undefined;
  return {
    classification: classification as SentinelClosePair['classification'],
    classificationReason: (reason ?? null) as SentinelClosePair['classificationReason'],
  };
}

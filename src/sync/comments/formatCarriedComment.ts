/**
 * How a comment carried across reads on the other side: who wrote it where and when, then the
 * text, split into numbered parts under the target's limit. The headers double as origin
 * markers: incident-bridge never carries back a comment that starts with one.
 */
import { SENTINEL_LIMITS } from '../../model/sentinelIncident.ts';
import type { DefenderComment } from '../../mapping/defenderIncidentView.ts';
import type { SentinelComment } from '../../model/sentinelIncident.ts';
import { htmlToPlainText, plainTextToHtml } from './htmlToPlainText.ts';
import { splitText } from './splitText.ts';

export const SENTINEL_ORIGIN_PREFIX = '[Sentinel] ';
export const DEFENDER_ORIGIN_PREFIX = '<p><b>[Defender]</b> ';

/** Room left for the header and the part number in each part. */
const HEADER_ALLOWANCE = 600;

export function defenderCommentForSentinel(comment: DefenderComment): string[] {
  const header = `${DEFENDER_ORIGIN_PREFIX}${plainTextToHtml(comment.author || 'Defender')} · ${plainTextToHtml(comment.createdDateTime)}`;
  const parts = splitEscaped(comment.text, SENTINEL_LIMITS.commentMaxChars - HEADER_ALLOWANCE);
  return parts.map((part, index) => `${header}${numbering(index, parts.length)}</p>${part}`);
}

export function sentinelCommentForDefender(comment: SentinelComment, maxChars: number): string[] {
  const author =
    comment.properties.author?.name || comment.properties.author?.userPrincipalName || 'Sentinel';
  const header = `${SENTINEL_ORIGIN_PREFIX}${author} at ${comment.properties.createdTimeUtc ?? ''}`;
  const parts = splitText(htmlToPlainText(comment.properties.message), maxChars - HEADER_ALLOWANCE);
  return parts.map((part, index) => `${header}${numbering(index, parts.length)}: ${part}`);
}

export function isCarriedFromSentinel(text: string): boolean {
  return text.startsWith(SENTINEL_ORIGIN_PREFIX);
}

export function isCarriedFromDefender(message: string): boolean {
  return message.startsWith(DEFENDER_ORIGIN_PREFIX);
}

/** Text compared across sides: case, spacing and markup do not make two comments differ. */
export function comparableText(text: string): string {
  return htmlToPlainText(text).replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Splits text so that each part, once escaped for HTML, fits the limit. Escaping grows text
 * (`<` becomes `&lt;`), so a part that grew too much is split again, smaller.
 */
function splitEscaped(text: string, maxUnits: number): string[] {
  return splitText(text, maxUnits).flatMap((part) => {
    const escaped = plainTextToHtml(part);
    return escaped.length <= maxUnits ? [escaped] : splitEscaped(part, Math.floor(maxUnits / 2));
  });
}

function numbering(index: number, count: number): string {
  return count > 1 ? ` (${index + 1}/${count})` : '';
}

/**
 * Writes the enrichment to the Defender incident as plain text (Defender shows comments as
 * text, and its comments have no ids). A part whose text the incident already holds is not
 * posted again, so enriching twice adds no second identical comment.
 */
import type { GraphSecurityClient } from '../../clients/graphSecurityClient.ts';
import { htmlToPlainText } from '../../sync/comments/htmlToPlainText.ts';
import { textHash } from '../../sync/comments/commentFingerprint.ts';
import { splitText } from '../../sync/comments/splitText.ts';
import { COMMENT_TITLE } from '../render/renderEnrichmentHtml.ts';

export interface DefenderCommentOutcome {
  parts: number;
  changed: boolean;
}

/** The plain-text parts of the comment, each headed and within `maxChars`. */
export function defenderCommentParts(html: string, maxChars: number): string[] {
  const text = htmlToPlainText(html);
  const heading = (index: number, total: number) =>
    total > 1 ? `[${COMMENT_TITLE}, part ${index} of ${total}]\n` : '';
  const pieces = splitText(text, maxChars - heading(99, 99).length);
  return pieces.map((piece, index) => heading(index + 1, pieces.length) + piece);
}

export async function writeDefenderComment(
  client: Pick<GraphSecurityClient, 'getIncident' | 'addComment'>,
  incidentId: string,
  parts: readonly string[],
): Promise<DefenderCommentOutcome> {
  const incident = await client.getIncident(incidentId);
  const present = new Set(
    (incident?.comments ?? []).map((comment) => textHash(comment.comment ?? '')),
  );

  let changed = false;
  for (const part of parts) {
    if (present.has(textHash(part))) continue;
    await client.addComment(incidentId, part);
    present.add(textHash(part));
    changed = true;
  }
  return { parts: parts.length, changed };
}

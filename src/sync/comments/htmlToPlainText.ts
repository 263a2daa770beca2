/**
 * Sentinel comments are HTML (the portal renders them); Defender shows comments as plain
 * text. html-to-text keeps tables and lists readable when flattened.
 */
import { convert } from 'html-to-text';

export function htmlToPlainText(html: string): string {
  if (!/[<&]/.test(html)) return html;
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
      { selector: 'img', format: 'skip' },
    ],
  }).trim();
}

/** Plain text made safe to show as HTML in Sentinel, line breaks kept. */
export function plainTextToHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
    .replaceAll('\n', '<br>');
}

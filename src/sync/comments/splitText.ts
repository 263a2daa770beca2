/**
 * Splits text into parts no longer than a limit, counted in UTF-16 code units (how Sentinel
 * counts), preferring paragraph, then line, then word boundaries, and never cutting a
 * surrogate pair.
 */

const BOUNDARIES = ['\n\n', '\n', ' '];

export function splitText(text: string, maxUnits: number): string[] {
  if (maxUnits < 2) throw new RangeError('maxUnits must be at least 2');
  const parts: string[] = [];
  let rest = text;

  while (rest.length > maxUnits) {
    const cut = safeCut(rest, maxUnits);
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0 || parts.length === 0) parts.push(rest);
  return parts;
}

function safeCut(text: string, maxUnits: number): number {
  const window = text.slice(0, maxUnits + 1);
  for (const boundary of BOUNDARIES) {
    const at = window.lastIndexOf(boundary, maxUnits);
    // A boundary in the first half would make tiny parts; fall through to a finer one.
    if (at > maxUnits / 2) return at;
  }

  const last = text.charCodeAt(maxUnits - 1);
  return last >= 0xd800 && last <= 0xdbff ? maxUnits - 1 : maxUnits;
}

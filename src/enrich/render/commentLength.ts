/**
 * How a comment's length is counted. Sentinel documents 30,000 "characters" without saying
 * which; UTF-16 code units (what JavaScript and .NET count) is the default, UTF-8 bytes the
 * stricter alternative (BR-15).
 */
export type LengthUnit = 'utf16' | 'utf8Bytes';

export type LengthOf = (text: string) => number;

export function lengthCounter(unit: LengthUnit): LengthOf {
  return unit === 'utf8Bytes' ? (text) => Buffer.byteLength(text, 'utf8') : (text) => text.length;
}

/** The longest prefix of `text` within `max`, never splitting a surrogate pair. */
export function cutToLength(text: string, max: number, lengthOf: LengthOf): string {
  if (lengthOf(text) <= max) return text;
  const characters = [...text];
  let low = 0;
  let high = characters.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (lengthOf(characters.slice(0, middle).join('')) <= max) low = middle;
    else high = middle - 1;
  }
  return characters.slice(0, low).join('');
}

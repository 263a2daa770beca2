/** Small readers that turn loosely typed wire values into the always-present forms we emit. */

/** A string, or '' for null, undefined and non-string values (numbers are stringified). */
export function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** The non-empty strings of a list, in order, without duplicates. */
export function stringList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];

  const seen = new Set<string>();
  for (const item of value) {
    if (typeof item === 'string' && item.trim() !== '') seen.add(item);
  }
  return [...seen];
}

/** The earliest first and latest last of several activity windows; '' when none parse. */
export function activityWindow(windows: Array<[unknown, unknown]>): {
  first: string;
  last: string;
} {
  let first = '';
  let last = '';
  for (const [start, end] of windows) {
    const startText = text(start);
    const endText = text(end);
    if (isTimestamp(startText) && (!first || Date.parse(startText) < Date.parse(first))) {
      first = startText;
    }
    if (isTimestamp(endText) && (!last || Date.parse(endText) > Date.parse(last))) {
      last = endText;
    }
  }
  return { first, last };
}

export function isTimestamp(value: string): boolean {
  return value !== '' && !Number.isNaN(Date.parse(value));
}

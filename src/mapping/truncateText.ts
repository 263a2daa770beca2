/**
 * Cuts text to a length counted in UTF-16 code units (how Sentinel counts characters) without
 * splitting a surrogate pair.
 */
export function truncateText(value: string, maxUnits: number): string {
  if (value.length <= maxUnits) return value;

  let end = maxUnits;
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return value.slice(0, end);
}

/**
 * Enum values arrive in any letter case: Graph answers camelCase but documents PascalCase, the
 * legacy Defender API answers PascalCase. Matching is case-insensitive and returns the
 * canonical spelling from the list.
 */
export function matchEnumValue<T extends string>(
  value: unknown,
  allowed: readonly T[],
): T | undefined {
  if (typeof value !== 'string') return undefined;

  const wanted = value.trim().toLowerCase();
  return allowed.find((candidate) => candidate.toLowerCase() === wanted);
}

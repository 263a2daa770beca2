/** The later of two ISO timestamps, compared as times (their fractions vary in length). */
export function laterTimestamp(current: string, candidate: string): string {
  const candidateAt = Date.parse(candidate);
  if (Number.isNaN(candidateAt)) return current;
  return candidateAt > Date.parse(current) ? candidate : current;
}

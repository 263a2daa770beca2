/** Counts fuzz answers by kind of input and by status and problem code, for the printed report. */

export class FuzzTally {
  private readonly byKind = new Map<string, Map<string, number>>();
  cases = 0;

  add(kind: string, status: number, code: string | undefined): void {
    this.cases += 1;
    const outcomes = this.byKind.get(kind) ?? new Map<string, number>();
    const outcome = code ? `${status} ${code}` : String(status);
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    this.byKind.set(kind, outcomes);
  }

  format(title: string, seconds: number): string {
    const lines = [`${title}: ${this.cases} cases in ${seconds.toFixed(1)} s`];
    for (const [kind, outcomes] of [...this.byKind].sort(([a], [b]) => a.localeCompare(b))) {
      const total = [...outcomes.values()].reduce((sum, count) => sum + count, 0);
      const detail = [...outcomes]
        .sort(([, a], [, b]) => b - a)
        .map(([outcome, count]) => `${outcome} x${count}`)
        .join(', ');
      lines.push(`  ${kind.padEnd(22)} ${String(total).padStart(5)}  ${detail}`);
    }
    return lines.join('\n');
  }
}

/**
 * Sync lag per pair: from when a change was first noticed (the incident's own change time, or
 * when the request arrived) to when its sync finished. Keeps the most recent samples of each
 * pair in this process.
 */
const SAMPLES_PER_PAIR = 2_000;

export interface LagPercentiles {
  p50: number;
  p90: number;
  p99: number;
  samples: number;
}

export class LagTracker {
  private readonly samples = new Map<string, number[]>();

  record(pairName: string, lagMs: number): void {
    const list = this.samples.get(pairName) ?? [];
    list.push(Math.max(0, Math.round(lagMs)));
    if (list.length > SAMPLES_PER_PAIR) list.shift();
    this.samples.set(pairName, list);
  }

  percentiles(pairName: string): LagPercentiles {
    const sorted = [...(this.samples.get(pairName) ?? [])].sort((a, b) => a - b);
    const at = (share: number): number =>
      sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
    return { p50: at(0.5), p90: at(0.9), p99: at(0.99), samples: sorted.length };
  }
}

/**
 * RSS and heap of this process: settled (after a garbage collection, when the process runs
 * with --expose-gc) or at their peak over a stretch of work, sampled every 50 ms.
 */
export interface MemoryFigures {
  rss: number;
  heapUsed: number;
}

const SAMPLE_EVERY_MS = 50;

export class MemorySampler {
  private peak: MemoryFigures = { rss: 0, heapUsed: 0 };
  private timer: NodeJS.Timeout | undefined;

  /** Memory after a full collection, when one can be asked for. */
  settled(): MemoryFigures {
    (globalThis as { gc?: () => void }).gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    return { rss, heapUsed };
  }

  start(): void {
    this.peak = { rss: 0, heapUsed: 0 };
    this.sample();
    this.timer = setInterval(() => this.sample(), SAMPLE_EVERY_MS);
  }

  /** Stops sampling and gives the peak seen since start. */
  stop(): MemoryFigures {
    clearInterval(this.timer);
    this.sample();
    return { ...this.peak };
  }

  private sample(): void {
    const { rss, heapUsed } = process.memoryUsage();
    this.peak = {
      rss: Math.max(this.peak.rss, rss),
      heapUsed: Math.max(this.peak.heapUsed, heapUsed),
    };
  }
}

export function megabytes(bytes: number): number {
  return bytes / (1024 * 1024);
}

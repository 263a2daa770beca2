/**
 * Waits until the job queue holds nothing queued or running, and says how many jobs ended in
 * the dead letters. Benchmarks use it to tell when the engine has done all it was given.
 */
import type { Store } from '../../src/store/store.ts';

export interface QueueOutcome {
  dead: number;
}

export async function untilJobsDone(
  store: Store,
  options: { timeoutMs?: number; checkEveryMs?: number } = {},
): Promise<QueueOutcome> {
  const timeoutMs = options.timeoutMs ?? 600_000;
  const started = Date.now();
  for (;;) {
    const depth = await store.jobs.depth();
    const pending = depth.reduce((sum, pair) => sum + pair.queued + pair.running, 0);
    if (pending === 0) return { dead: depth.reduce((sum, pair) => sum + pair.dead, 0) };
    if (Date.now() - started > timeoutMs) throw new Error(`${pending} jobs still pending`);
    await new Promise((resolve) => setTimeout(resolve, options.checkEveryMs ?? 20));
  }
}

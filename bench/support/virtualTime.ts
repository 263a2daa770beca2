/**
 * Compressed time for benchmarks that wait on quotas measured in minutes and hours. The
 * process's `Date`, `setTimeout` and `setInterval` are replaced by @sinonjs/fake-timers, so
 * everything in it (the budgets and rate-limiter-flexible, the engine's timers, the job store,
 * the emulator's clock and quotas) sees the same simulated time. That time moves only while
 * nothing is in flight: when the emulator serves no request for two turns of the event loop,
 * the clock steps forward, firing what falls due. Requests thus take no simulated time, and
 * hours of pacing pass in seconds. Network I/O and `setImmediate` stay real.
 */
import { withGlobal, type Clock } from '@sinonjs/fake-timers';

export interface VirtualTimeOptions {
  /** True while work is in flight that must finish before time moves on. */
  busy: () => boolean;
  /** How far the clock moves per quiet turn; smaller is finer and slower. Default 50 ms. */
  stepMs?: number;
}

export interface VirtualTime {
  clock: Clock;
  /** Real turns of the event loop until `condition` holds, with time moving meanwhile. */
  until(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void>;
  /** Stops moving the clock and gives the process its own timers back. */
  stop(): Promise<void>;
}

const QUIET_TURNS = 2;

export function startVirtualTime(options: VirtualTimeOptions): VirtualTime {
  const clock = withGlobal(globalThis).install({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    now: Date.now(),
  });
  const stepMs = options.stepMs ?? 50;
  let running = true;

  const mover = (async () => {
    let quiet = 0;
    while (running) {
      await realTurn();
      quiet = options.busy() ? 0 : quiet + 1;
      if (quiet >= QUIET_TURNS) clock.tick(stepMs);
    }
  })();

  return {
    clock,
    async until(condition, timeoutMs) {
      const deadline = clock.now + timeoutMs;
      while (!(await condition())) {
        if (clock.now > deadline) throw new Error(`not done within ${timeoutMs} ms of time`);
        await realTurn();
      }
    },
    async stop() {
      running = false;
      await mover;
      clock.uninstall();
    },
  };
}

function realTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

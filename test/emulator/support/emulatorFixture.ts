/**
 * One emulator per test file, started before the first test and stopped after the last.
 * Every test starts from the seed again (even one that replaced it) with no fault rules and
 * an empty request log, so tests in a file never see each other's writes.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';

import type { EmulatorSeed } from '../../../src/emulator/seed.ts';
import {
  startEmulator,
  type EmulatorOptions,
  type RunningEmulator,
} from '../../../src/emulator/startEmulator.ts';
import { testSeed } from './testSeed.ts';

export type EmulatorSetup = EmulatorOptions | (() => Promise<EmulatorOptions>);

/** Options may come from a function when preparing them is itself asynchronous. */
export function useEmulator(setup: EmulatorSetup = {}): () => RunningEmulator {
  let emulator: RunningEmulator | undefined;
  let seed: EmulatorSeed = testSeed();

  beforeAll(async () => {
    const options = typeof setup === 'function' ? await setup() : setup;
    seed = options.seed ?? seed;
    emulator = await startEmulator({ ...options, seed });
  });

  afterAll(async () => {
    await emulator?.close();
  });

  beforeEach(() => {
    emulator?.state.load(seed);
    emulator?.faults.clear();
    emulator?.requests.clear();
  });

  return () => {
    if (!emulator) throw new Error('The emulator is not running yet');
    return emulator;
  };
}

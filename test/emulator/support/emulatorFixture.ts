/**
 * One emulator per test file, started before the first test and stopped after the last.
 * Every test starts from the seed again with no fault rules and an empty request log, so
 * tests in a file never see each other's writes.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';

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

  beforeAll(async () => {
    const options = typeof setup === 'function' ? await setup() : setup;
    emulator = await startEmulator({ seed: testSeed(), ...options });
  });

  afterAll(async () => {
    await emulator?.close();
  });

  beforeEach(() => {
    emulator?.state.reset();
    emulator?.faults.clear();
    emulator?.requests.clear();
  });

  return () => {
    if (!emulator) throw new Error('The emulator is not running yet');
    return emulator;
  };
}

/**
 * The emulator in a process of its own, for benchmarks that measure incident-bridge's memory:
 * the emulator's own incidents then weigh on another process. Seeded with the bench pairs
 * (changed now, so the pollers' windows hold every one of them) and, when given a store path,
 * links them there first as a first sync would. Sends its URL and CA certificate over IPC.
 *
 * Arguments: <pairs> [<store path>]
 */
import { startEmulator } from '../../src/emulator/index.ts';
import { openStore } from '../../src/store/openStore.ts';
import { benchSeed } from './benchSeed.ts';
import { BENCH_PAIR } from './benchWorld.ts';
import { linkPairs } from './linkPairs.ts';

export interface EmulatorProcessReady {
  url: string;
  caCertPem: string;
}

const [pairs, storePath] = process.argv.slice(2);
const count = Number(pairs);
const emulator = await startEmulator({
  seed: benchSeed({ pairs: count, createdAt: new Date().toISOString() }),
  requestLogSize: 1_000,
});
if (storePath) {
  const store = await openStore({ sqlitePath: storePath });
  await linkPairs(store, emulator, BENCH_PAIR, count);
  await store.close();
}

const ready: EmulatorProcessReady = { url: emulator.url, caCertPem: emulator.caCertPem };
process.send?.(ready);
process.on('disconnect', () => {
  void emulator.close().then(() => process.exit(0));
});

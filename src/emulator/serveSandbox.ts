/**
 * Runs the emulator on the sandbox seed until interrupted, for trying the control API and
 * the clients by hand: `npx tsx src/emulator/serveSandbox.ts`. `EMULATOR_PORT` picks the
 * port (default 8443); the certificate to trust is written to `EMULATOR_CA_FILE` (default
 * `<tmpdir>/incident-bridge-emulator-ca.pem`).
 */
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { loadSeedFile, SANDBOX_SEED_PATH } from './seed.ts';
import { startEmulator } from './startEmulator.ts';

const port = Number(process.env['EMULATOR_PORT'] ?? 8443);
const caFile = process.env['EMULATOR_CA_FILE'] ?? join(tmpdir(), 'incident-bridge-emulator-ca.pem');

const emulator = await startEmulator({
  port,
  seed: await loadSeedFile(SANDBOX_SEED_PATH),
  logRequests: true,
});
await writeFile(caFile, emulator.caCertPem);

process.stdout.write(`Emulator listening at ${emulator.url}\nCA certificate: ${caFile}\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void emulator.close().then(() => process.exit(0));
  });
}

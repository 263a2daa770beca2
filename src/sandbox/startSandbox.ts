/**
 * The sandbox: the emulator seeded with sample incidents, and incident-bridge serving against
 * it through the same code that serves against Azure. Each start begins from the seed, so the
 * store is started afresh too (links to a previous run's incidents would be meaningless).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  loadSeedFile,
  SANDBOX_SEED_PATH,
  startEmulator,
  type RunningEmulator,
} from '../emulator/index.ts';
import type { Logger } from '../logging/logger.ts';
import { startService, type RunningService } from '../service/startService.ts';
import { sandboxConfig } from './sandboxConfig.ts';
import {
  SANDBOX_KEY_VARIABLE,
  sandboxApiKey,
  sandboxToken,
  type SandboxToken,
} from './sandboxCredentials.ts';
import { sandboxGuide } from './sandboxGuide.ts';

export interface SandboxOptions {
  apiPort?: number;
  emulatorPort?: number;
  dataDir?: string;
  logger?: Logger;
  /** Read for INCIDENT_BRIDGE_SANDBOX_KEY. Default: the process environment. */
  env?: NodeJS.ProcessEnv;
}

export interface RunningSandbox {
  service: RunningService;
  emulator: RunningEmulator;
  guide: string;
  apiKey: string;
  token?: SandboxToken;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const env = options.env ?? process.env;
  const apiKey = sandboxApiKey(env);
  const dataDir = resolve(options.dataDir ?? './data/sandbox');
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });

  const seed = await loadSeedFile(SANDBOX_SEED_PATH);
  const emulator = await startEmulator({ port: options.emulatorPort ?? 8443, seed });
  const caPath = join(dataDir, 'emulator-ca.pem');
  writeFileSync(caPath, emulator.caCertPem);

  const config = sandboxConfig(seed, emulator.url, dataDir, { apiKey });
  const token = await sandboxToken(seed, emulator.url, emulator.caCertPem);
  const service = await startService({
    config,
    port: options.apiPort ?? 3000,
    mode: 'sandbox',
    trustedCaCertPem: emulator.caCertPem,
    logger: options.logger,
  });

  const guide = sandboxGuide({
    seed,
    apiUrl: service.url,
    emulatorUrl: emulator.url,
    dataDir,
    caPath,
    apiKey,
    apiKeyFixed: Boolean(env[SANDBOX_KEY_VARIABLE]),
    token,
  });
  return {
    service,
    emulator,
    guide,
    apiKey,
    token,
    close: async () => {
      await service.close();
      await emulator.close();
    },
  };
}

/**
 * `incident-bridge serve`: serves against Azure when a configuration with at least one pair is
 * found, otherwise starts the sandbox. The configuration is looked for in `--config`, then
 * `INCIDENT_BRIDGE_CONFIG`, then `./incident-bridge.config.yaml` / `.json`.
 */
import { existsSync } from 'node:fs';
import type { IncidentBridgeConfig } from '../config/config.ts';
import { loadConfigFile } from '../config/loadConfig.ts';
import { createLogger } from '../logging/logger.ts';
import { startSandbox } from '../sandbox/startSandbox.ts';
import { startService } from '../service/startService.ts';

export interface ServeOptions {
  config?: string;
  sandbox?: boolean;
  port?: string;
  host?: string;
}

const DEFAULT_CONFIG_FILES = [
  'incident-bridge.config.yaml',
  'incident-bridge.config.yml',
  'incident-bridge.config.json',
];

export async function serveCommand(options: ServeOptions): Promise<void> {
  const logger = createLogger();
  const port = Number(options.port ?? process.env['PORT'] ?? 3000);
  const config = options.sandbox ? undefined : findConfig(options.config);

  const stop = config
    ? await serveAzure(config, port, options.host ?? process.env['HOST'], logger)
    : await serveSandbox(port, logger);

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'shutting down');
      void stop().then(() => process.exit(0));
    });
  }
}

function findConfig(explicit: string | undefined): IncidentBridgeConfig | undefined {
  const path =
    explicit ??
    process.env['INCIDENT_BRIDGE_CONFIG'] ??
    DEFAULT_CONFIG_FILES.find((file) => existsSync(file));
  if (!path) return undefined;

  const config = loadConfigFile(path);
  return config.pairs.length > 0 ? config : undefined;
}

async function serveAzure(
  config: IncidentBridgeConfig,
  port: number,
  host: string | undefined,
  logger: ReturnType<typeof createLogger>,
): Promise<() => Promise<void>> {
  const service = await startService({ config, port, host, logger, mode: 'azure' });
  logger.info(
    { url: service.url, pairs: config.pairs.map((pair) => pair.name) },
    'incident-bridge serving',
  );
  return service.close;
}

async function serveSandbox(
  port: number,
  logger: ReturnType<typeof createLogger>,
): Promise<() => Promise<void>> {
  const emulatorPort = Number(process.env['EMULATOR_PORT'] ?? 8443);
  const sandbox = await startSandbox({ apiPort: port, emulatorPort, logger });
  console.log(`\n${sandbox.guide}\n`);
  return sandbox.close;
}

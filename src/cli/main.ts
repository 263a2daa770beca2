#!/usr/bin/env node
/**
 * The incident-bridge command line. `serve` runs the API (and the sandbox emulator when no
 * Azure pair is configured); `generate` rewrites the files derived from the contract.
 */
import { Command } from 'commander';
import { serveCommand } from './serveCommand.ts';

const program = new Command()
  .name('incident-bridge')
  .description('Keeps Microsoft Defender XDR and Microsoft Sentinel incidents aligned.');

program
  .command('serve', { isDefault: true })
  .description('Serve the API; with no Azure pair configured, run the sandbox')
  .option('-c, --config <path>', 'configuration file (YAML or JSON)')
  .option('--sandbox', 'run the sandbox even if a configuration is found')
  .option('-p, --port <port>', 'API port (default: PORT or 3000)')
  .option('--host <host>', 'interface to listen on (default: HOST or 127.0.0.1)')
  .action(serveCommand);

program
  .command('generate')
  .description('Regenerate the files derived from openapi/openapi.yaml')
  .action(async () => {
    // Loaded on demand: the generators are development dependencies.
    const { generateArtifacts } = await import('./generateArtifacts.ts');
    for (const written of await generateArtifacts()) console.log(`wrote ${written}`);
  });

const connector = program.command('connector').description('The Logic Apps custom connector');
connector
  .command('lint')
  .description('Check the generated connector files against the certification rules')
  .action(async () => {
    const { connectorLintCommand } = await import('./connectorLintCommand.ts');
    await connectorLintCommand();
  });

const playbooks = program.command('playbooks').description('The packaged Sentinel playbooks');
playbooks
  .command('validate')
  .description('Validate the playbook templates offline (and with --azure, by Logic Apps)')
  .action(async () => {
    const { validatePlaybooksOffline } = await import('./playbooksValidateCommand.ts');
    const errors = validatePlaybooksOffline();
    if (errors > 0) {
      console.error(`${errors} playbook validation error(s)`);
      process.exitCode = 1;
    }
  });

await program.parseAsync(process.argv);

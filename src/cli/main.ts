#!/usr/bin/env node
/**
 * The incident-bridge command line. `serve` runs the API (and the sandbox emulator when no
 * Azure pair is configured); `generate` rewrites the files derived from the contract.
 */
import { Command } from 'commander';
import { withAzureTarget, type AzureTargetOptions } from './azureTargetOptions.ts';
import type { PlaybookDeployCommandOptions } from './playbooksAzureCommands.ts';
import { API_ROLES } from '../auth/apiRoles.ts';
import { apiKeyCommand } from './apiKeyCommand.ts';
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
  .command('api-key')
  .description('Make an API key and print the hashed config entry for it')
  .option('--id <id>', 'name of the key in config and logs', 'connector')
  .option('--roles <roles>', 'comma-separated roles', API_ROLES.join(','))
  .action(apiKeyCommand);

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

withAzureTarget(
  playbooks
    .command('validate')
    .description('Validate the playbook templates offline; with --azure, by Logic Apps too')
    .option('--azure', 'also ask Logic Apps to validate each workflow in the resource group')
    .option('--location <region>', 'region of the resource group (with --azure)')
    .option('--playbook <name...>', 'only these playbooks')
    .option('--host-name <host>', 'HostName of the managed-identity playbook')
    .option('--api-audience <uri>', 'ApiAudience of the managed-identity playbook'),
  false,
).action(async (options: PlaybookDeployCommandOptions & { azure?: boolean }) => {
  const { validatePlaybooksOffline } = await import('./playbooksValidateCommand.ts');
  let errors = validatePlaybooksOffline();
  if (options.azure) {
    if (!options.subscription || !options.resourceGroup || !options.location) {
      throw new Error('--azure needs --subscription, --resource-group and --location');
    }
    const { playbooksValidateAzureCommand } = await import('./playbooksAzureCommands.ts');
    errors += await playbooksValidateAzureCommand(options);
  }
  if (errors > 0) {
    console.error(`${errors} playbook validation error(s)`);
    process.exitCode = 1;
  }
});

withAzureTarget(
  playbooks
    .command('deploy')
    .description('Create or update the playbooks and their connections in a resource group')
    .requiredOption('--location <region>', 'region of the resource group')
    .option('--playbook <name...>', 'only these playbooks (default: all)')
    .option('--api-key-env <variable>', 'environment variable holding the incident-bridge API key')
    .option('--host-name <host>', 'HostName of the managed-identity playbook')
    .option('--api-audience <uri>', 'ApiAudience of the managed-identity playbook')
    .option('--connector-name <name>', 'CustomConnectorName, if not the default'),
  true,
).action(async (options: PlaybookDeployCommandOptions) => {
  const { playbooksDeployCommand } = await import('./playbooksAzureCommands.ts');
  await playbooksDeployCommand(options);
});

withAzureTarget(
  playbooks
    .command('runs')
    .description('List recent runs of the playbooks, with the actions that failed and why')
    .option('--top <count>', 'runs per playbook', '10'),
  true,
).action(async (options: AzureTargetOptions & { top: string }) => {
  const { playbooksRunsCommand } = await import('./playbooksAzureCommands.ts');
  await playbooksRunsCommand(options);
});

await program.parseAsync(process.argv);

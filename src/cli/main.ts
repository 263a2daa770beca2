#!/usr/bin/env node
/**
 * The incident-bridge command line. `serve` runs the API (and the sandbox emulator when no
 * Azure pair is configured); `generate` rewrites the files derived from the contract.
 */
import { Command } from 'commander';
import { generateContractTypes } from './generateContractTypes.ts';

const program = new Command()
  .name('incident-bridge')
  .description('Keeps Microsoft Defender XDR and Microsoft Sentinel incidents aligned.');

program
  .command('generate')
  .description('Regenerate the files derived from openapi/openapi.yaml')
  .action(async () => {
    const written = await generateContractTypes();
    console.log(`wrote ${written}`);
  });

await program.parseAsync(process.argv);

/**
 * The Azure connection options the playbook commands share: subscription and resource group,
 * the ARM endpoint and Entra ID authority (the emulator's URL in the sandbox), and an extra
 * trusted CA. Declared apart from the client so `--help` loads no Azure SDK.
 */
import type { Command } from 'commander';

export interface AzureTargetOptions {
  subscription: string;
  resourceGroup: string;
  armEndpoint?: string;
  authorityHost?: string;
  caCert?: string;
}

export function withAzureTarget(command: Command, required: boolean): Command {
  const option = required ? command.requiredOption.bind(command) : command.option.bind(command);
  option('--subscription <id>', 'subscription holding the playbooks');
  option('--resource-group <name>', 'resource group of the playbooks');
  return command
    .option('--arm-endpoint <url>', 'Azure Resource Manager endpoint (default: public cloud)')
    .option('--authority-host <url>', 'Entra ID authority host (default: public cloud)')
    .option('--ca-cert <path>', 'extra trusted CA certificate (PEM), e.g. the sandbox emulator');
}

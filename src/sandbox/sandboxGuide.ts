/**
 * What `npm start` prints in sandbox mode: where things listen, the API key and token to call
 * it with, what the seed holds, and commands to paste (each carrying the key) that walk
 * through mapping, an edit on one side and a sync across.
 */
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { EmulatorSeed } from '../emulator/index.ts';
import type { SandboxToken } from './sandboxCredentials.ts';
import { SANDBOX_KEY_VARIABLE } from './sandboxCredentials.ts';
import { sandboxScenario } from './sandboxScenario.ts';

export interface SandboxGuideInput {
  seed: EmulatorSeed;
  apiUrl: string;
  emulatorUrl: string;
  dataDir: string;
  caPath: string;
  apiKey: string;
  /** Whether the key came from INCIDENT_BRIDGE_SANDBOX_KEY. */
  apiKeyFixed: boolean;
  token?: SandboxToken;
}

export function sandboxGuide(input: SandboxGuideInput): string {
  const scenario = sandboxScenario(input.seed);
  const api = `${input.apiUrl}/api/v1`;
  const ca = relative(process.cwd(), input.caPath) || input.caPath;
  const key = `-H ${shellQuote(`X-API-Key: ${input.apiKey}`)}`;
  const contentType = "-H 'content-type: application/json'";
  const json = `${key} ${contentType}`;
  const lines = [
    'incident-bridge sandbox is running (no Azure account needed).',
    '',
    `  API       ${api}   contract: openapi/openapi.yaml`,
    `  Emulator  ${input.emulatorUrl}   Sentinel ARM, Graph security, Entra ID; CA: ${ca}`,
    '',
    'Every operation but GetHealth needs a credential:',
    `  API key   X-API-Key: ${input.apiKey}`,
    input.apiKeyFixed
      ? `            (from ${SANDBOX_KEY_VARIABLE})`
      : `            (new at each start; set ${SANDBOX_KEY_VARIABLE} to keep one)`,
    ...tokenLines(input.token),
    '',
    'Seeded incidents:',
  ];

  const { openPair, closedPair, unlinkedDefender, sentinelOnly, tenantId } = scenario;
  if (openPair) {
    lines.push(
      `  linked pair    Defender ${openPair.defender.id} <-> Sentinel #${openPair.sentinel.properties.incidentNumber ?? ''}` +
        ` "${openPair.defender.displayName ?? ''}"`,
    );
  }
  if (closedPair) {
    lines.push(
      `  closed pair    Defender ${closedPair.defender.id} <-> Sentinel #${closedPair.sentinel.properties.incidentNumber ?? ''}`,
    );
  }
  if (unlinkedDefender)
    lines.push(`  Defender only  ${unlinkedDefender.id} "${unlinkedDefender.displayName ?? ''}"`);
  if (sentinelOnly)
    lines.push(
      `  Sentinel only  #${sentinelOnly.properties.incidentNumber ?? ''} "${sentinelOnly.properties.title}"`,
    );

  lines.push('', 'Try it:', '');
  const sample = unlinkedDefender ?? openPair?.defender;
  if (sample) {
    const file = join(input.dataDir, `defender-incident-${sample.id}.json`);
    writeFileSync(file, `${JSON.stringify(sample, null, 2)}\n`);
    lines.push(
      '  # Map a Defender incident (as Graph v1.0 returns it) to its Sentinel form',
      `  curl -s ${api}/mappings/defender-to-sentinel ${json} --data @${relative(process.cwd(), file)}`,
      '',
    );
  }
  if (openPair) {
    const change =
      '{"status":"resolved","classification":"truePositive","determination":"malware"}';
    lines.push(
      '  # Resolve the Defender incident, as an analyst would in the Defender portal',
      `  curl -s --cacert ${ca} -X PATCH ${input.emulatorUrl}/_emulator/defender/${tenantId}/incidents/${openPair.defender.id} ${contentType} -d '${change}'`,
      '',
      '  # Sync it across: Sentinel closes with the matching classification pair',
      `  curl -s ${api}/sync/defender-incident ${json} -d '{"tenantId":"${tenantId}","incidentId":"${openPair.defender.id}"}'`,
      '',
      '  # See the Sentinel incident now',
      `  curl -s --cacert ${ca} ${input.emulatorUrl}/_emulator/sentinel/incidents/${openPair.sentinel.name}`,
      '',
      '  # Look the pair up by the Sentinel incident number',
      `  curl -s ${key} '${api}/incident-links?sentinelIncidentNumber=${openPair.sentinel.properties.incidentNumber ?? ''}'`,
      '',
    );
  }
  lines.push(`  # Health (open to anyone)\n  curl -s ${api}/health`, '', 'Press Ctrl+C to stop.');
  return lines.join('\n');
}

function tokenLines(token: SandboxToken | undefined): string[] {
  if (!token) return [];
  return [
    `  Token     Authorization: Bearer <token>, app-only for ${token.appName},`,
    `            roles ${token.roles.join(', ')}, valid until ${token.expiresAt.toISOString()}:`,
    `            ${token.token}`,
  ];
}

/** Single-quotes a word for sh, so a fixed key with any character pastes as it is. */
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

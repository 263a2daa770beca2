/**
 * What `npm start` prints in sandbox mode: where things listen, what the seed holds, and
 * commands to paste that walk through mapping, an edit on one side and a sync across.
 */
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { EmulatorSeed } from '../emulator/index.ts';
import { sandboxScenario } from './sandboxScenario.ts';

export interface SandboxGuideInput {
  seed: EmulatorSeed;
  apiUrl: string;
  emulatorUrl: string;
  dataDir: string;
  caPath: string;
}

export function sandboxGuide(input: SandboxGuideInput): string {
  const scenario = sandboxScenario(input.seed);
  const api = `${input.apiUrl}/api/v1`;
  const ca = relative(process.cwd(), input.caPath) || input.caPath;
  const json = "-H 'content-type: application/json'";
  const lines = [
    'incident-bridge sandbox is running (no Azure account needed).',
    '',
    `  API       ${api}   contract: openapi/openapi.yaml`,
    `  Emulator  ${input.emulatorUrl}   Sentinel ARM, Graph security, Entra ID; CA: ${ca}`,
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
      `  curl -s --cacert ${ca} -X PATCH ${input.emulatorUrl}/_emulator/defender/${tenantId}/incidents/${openPair.defender.id} ${json} -d '${change}'`,
      '',
      '  # Sync it across: Sentinel closes with the matching classification pair',
      `  curl -s ${api}/sync/defender-incident ${json} -d '{"tenantId":"${tenantId}","incidentId":"${openPair.defender.id}"}'`,
      '',
      '  # See the Sentinel incident now',
      `  curl -s --cacert ${ca} ${input.emulatorUrl}/_emulator/sentinel/incidents/${openPair.sentinel.name}`,
      '',
      '  # Look the pair up by the Sentinel incident number',
      `  curl -s '${api}/incident-links?sentinelIncidentNumber=${openPair.sentinel.properties.incidentNumber ?? ''}'`,
      '',
    );
  }
  lines.push(`  # Health\n  curl -s ${api}/health`, '', 'Press Ctrl+C to stop.');
  return lines.join('\n');
}

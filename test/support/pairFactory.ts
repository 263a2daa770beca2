/**
 * Adds a fresh linked-looking pair to the emulator: a Defender incident and a Sentinel twin
 * whose providerIncidentId names it, as Microsoft's connector creates them.
 */
import { randomUUID } from 'node:crypto';
import type { RunningEmulator } from '../../src/emulator/index.ts';
import type { GraphIncident } from '../../src/model/graphIncident.ts';
import type { SentinelIncident } from '../../src/model/sentinelIncident.ts';
import {
  formatSentinelIncidentArmId,
  type SentinelWorkspaceRef,
} from '../../src/model/sentinelIncidentArmId.ts';

export interface AddedPair {
  defender: GraphIncident;
  sentinel: SentinelIncident;
}

export function addPair(
  emulator: RunningEmulator,
  tenantId: string,
  workspace: SentinelWorkspaceRef,
  defender: Partial<GraphIncident> = {},
): AddedPair {
  const added = emulator.state.addDefenderIncident(tenantId, {
    displayName: 'Generated incident',
    status: 'active',
    severity: 'medium',
    classification: 'unknown',
    determination: 'unknown',
    assignedTo: null,
    customTags: [],
    ...defender,
  });
  const name = randomUUID();
  const sentinel = emulator.state.addSentinelIncident(workspace, {
    incident: {
      id: formatSentinelIncidentArmId({ ...workspace, incidentId: name }),
      name,
      properties: {
        title: added.displayName ?? 'Generated incident',
        severity: 'Medium',
        status: 'New',
        providerName: 'Microsoft XDR',
        providerIncidentId: added.id,
        labels: [],
      },
    },
  });
  return { defender: added, sentinel };
}

/**
 * The incidents of the sandbox seed the guide talks about, found by their shape rather than
 * by hard-coded ids, so the guide stays right when the seed changes.
 */
import type { EmulatorSeed } from '../emulator/index.ts';
import type { GraphIncident } from '../model/graphIncident.ts';
import type { SentinelIncident } from '../model/sentinelIncident.ts';
import { isDefenderProvider } from '../mapping/defenderProvider.ts';

export interface SandboxScenario {
  tenantId: string;
  openPair?: { defender: GraphIncident; sentinel: SentinelIncident };
  closedPair?: { defender: GraphIncident; sentinel: SentinelIncident };
  unlinkedDefender?: GraphIncident;
  sentinelOnly?: SentinelIncident;
}

export function sandboxScenario(seed: EmulatorSeed): SandboxScenario {
  const tenant = seed.tenants[0];
  const sentinelIncidents = seed.workspaces.flatMap((workspace) =>
    workspace.incidents.map((entry) => entry.incident),
  );
  const twinOf = (defender: GraphIncident) =>
    sentinelIncidents.find(
      (sentinel) =>
        isDefenderProvider(sentinel.properties.providerName) &&
        sentinel.properties.providerIncidentId === defender.id,
    );

  const pairs = (tenant?.defenderIncidents ?? []).flatMap((defender) => {
    const sentinel = twinOf(defender);
    return sentinel ? [{ defender, sentinel }] : [];
  });
  return {
    tenantId: tenant?.tenantId ?? '',
    openPair: pairs.find((pair) => pair.defender.status !== 'resolved'),
    closedPair: pairs.find((pair) => pair.defender.status === 'resolved'),
    unlinkedDefender: tenant?.defenderIncidents.find((defender) => !twinOf(defender)),
    sentinelOnly: sentinelIncidents.find(
      (sentinel) => !isDefenderProvider(sentinel.properties.providerName),
    ),
  };
}

/**
 * A seed-shaped picture of the current state for the control API's `GET /_emulator/state`.
 * App secrets and certificates stay out of it.
 */
import type { GraphIncident, GraphUser } from '../../model/graphIncident.ts';
import type { SentinelWorkspaceRef } from '../../model/sentinelIncidentArmId.ts';
import type { ThreatIntelligenceIndicator } from '../../model/sentinelContext.ts';
import type { SentinelIncidentSeed, WatchlistSeed } from '../seed.ts';
import type { EmulatorApi } from './appPrincipal.ts';
import type { DefenderTenant } from './defenderTenant.ts';
import type { SentinelWorkspace } from './sentinelWorkspace.ts';

export interface EmulatorStateSnapshot {
  tenants: Array<{
    tenantId: string;
    displayName: string;
    clients: Array<{ clientId: string; displayName: string; objectId: string }>;
    apis: EmulatorApi[];
    users: GraphUser[];
    defenderIncidents: GraphIncident[];
  }>;
  workspaces: Array<
    SentinelWorkspaceRef & {
      tenantId: string;
      incidents: Required<SentinelIncidentSeed>[];
      watchlists: WatchlistSeed[];
      threatIntelligence: ThreatIntelligenceIndicator[];
    }
  >;
}

export function snapshotState(
  tenants: readonly DefenderTenant[],
  workspaces: readonly SentinelWorkspace[],
): EmulatorStateSnapshot {
  return structuredClone({
    tenants: tenants.map((tenant) => ({
      tenantId: tenant.tenantId,
      displayName: tenant.displayName,
      clients: tenant.clients.map(({ clientId, displayName, objectId }) => ({
        clientId,
        displayName,
        objectId,
      })),
      apis: tenant.apis,
      users: tenant.users,
      defenderIncidents: [...tenant.incidents.values()],
    })),
    workspaces: workspaces.map((workspace) => ({
      ...workspace.ref,
      tenantId: workspace.tenantId,
      incidents: [...workspace.incidents.values()].map((stored) => ({
        incident: stored.resource,
        alerts: stored.alerts,
        entities: stored.entities,
        comments: stored.comments,
      })),
      watchlists: [...workspace.watchlists.values()],
      threatIntelligence: workspace.indicators,
    })),
  });
}

/**
 * Finds a stored Sentinel incident from what a test or the control API knows about it: a
 * full ARM id (any casing, `Incidents` or `incidents`) or just the incident name.
 */
import { parseSentinelIncidentArmId, sameWorkspace } from '../../model/sentinelIncidentArmId.ts';
import { EmulatorStateError } from './emulatorStateError.ts';
import {
  findStoredIncident,
  type SentinelWorkspace,
  type StoredSentinelIncident,
} from './sentinelWorkspace.ts';

export interface LocatedSentinelIncident {
  workspace: SentinelWorkspace;
  stored: StoredSentinelIncident;
}

export function locateSentinelIncident(
  workspaces: readonly SentinelWorkspace[],
  armIdOrName: string,
): LocatedSentinelIncident | undefined {
  const ref = parseSentinelIncidentArmId(armIdOrName);
  if (ref) {
    const workspace = workspaces.find((candidate) => sameWorkspace(candidate.ref, ref));
    const stored = workspace ? findStoredIncident(workspace, ref.incidentId) : undefined;
    return workspace && stored ? { workspace, stored } : undefined;
  }

  const matches = workspaces.flatMap((workspace) => {
    const stored = findStoredIncident(workspace, armIdOrName);
    return stored ? [{ workspace, stored }] : [];
  });
  if (matches.length > 1) {
    throw new EmulatorStateError(
      'ambiguous',
      `Incident name '${armIdOrName}' exists in several workspaces; pass its ARM id`,
    );
  }
  return matches[0];
}

export function requireSentinelIncident(
  workspaces: readonly SentinelWorkspace[],
  armIdOrName: string,
): LocatedSentinelIncident {
  const located = locateSentinelIncident(workspaces, armIdOrName);
  if (!located) {
    throw new EmulatorStateError('notFound', `No Sentinel incident '${armIdOrName}'`);
  }
  return located;
}

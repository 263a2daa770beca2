/**
 * How Sentinel stores `properties.owner`. Given an `objectId` of a directory user, the
 * service fills in e-mail, UPN, display name and owner type itself; an owner named only by
 * UPN or e-mail is kept exactly as sent. An unassigned incident carries an owner whose
 * fields are all null, which is what clients of the real API read back.
 */
import type { GraphUser } from '../../model/graphIncident.ts';
import type { SentinelOwner } from '../../model/sentinelIncident.ts';

const OWNER_FIELDS = ['objectId', 'email', 'assignedTo', 'userPrincipalName', 'ownerType'] as const;

export function unassignedOwner(): SentinelOwner {
  return { objectId: null, email: null, assignedTo: null, userPrincipalName: null };
}

export function resolveOwner(
  requested: SentinelOwner | null | undefined,
  directory: readonly GraphUser[],
): SentinelOwner {
  if (!requested || OWNER_FIELDS.every((field) => !requested[field])) return unassignedOwner();

  const objectId = requested.objectId?.toLowerCase();
  const user = objectId
    ? directory.find((candidate) => candidate.id.toLowerCase() === objectId)
    : undefined;
  if (user) {
    return {
      objectId: user.id,
      email: user.mail ?? user.userPrincipalName,
      assignedTo: user.displayName ?? user.userPrincipalName,
      userPrincipalName: user.userPrincipalName,
      ownerType: 'User',
    };
  }

  const stored: SentinelOwner = unassignedOwner();
  for (const field of OWNER_FIELDS) {
    const value = requested[field];
    if (value !== undefined) stored[field] = value;
  }
  return stored;
}

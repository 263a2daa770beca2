/**
 * Owner between Defender's free-text `assignedTo` (usually a UPN) and Sentinel's `owner` object
 * (sync-semantics section 6.5). Resolving a UPN to an Entra objectId needs the directory, so
 * the caller passes the resolved user when it has one.
 */
import type { SentinelOwner } from '../model/sentinelIncident.ts';
import { note, type MappingNote } from './mappingNote.ts';
import { text } from './valueReaders.ts';

/** Sentinel's owner with every field present; '' means not set. */
export interface OwnerFields {
  objectId: string;
  email: string;
  assignedTo: string;
  userPrincipalName: string;
  ownerType: string;
}

/** A directory user the owner resolved to. */
export interface ResolvedOwner {
  objectId: string;
  userPrincipalName: string;
  mail: string;
  displayName: string;
}

export const UNASSIGNED_OWNER: OwnerFields = Object.freeze({
  objectId: '',
  email: '',
  assignedTo: '',
  userPrincipalName: '',
  ownerType: '',
});

/** Values Defender puts in assignedTo that are not people and must not be resolved. */
const NON_PERSON_ASSIGNEES = ['automation', 'suppression rule', 'system'];

export function readSentinelOwner(owner: SentinelOwner | null | undefined): OwnerFields {
  return {
    objectId: text(owner?.objectId),
    email: text(owner?.email),
    assignedTo: text(owner?.assignedTo),
    userPrincipalName: text(owner?.userPrincipalName),
    ownerType: text(owner?.ownerType),
  };
}

export function isUnassigned(owner: OwnerFields): boolean {
  return !owner.objectId && !owner.email && !owner.assignedTo && !owner.userPrincipalName;
}

/** A name that looks like a UPN or e-mail address and is worth a directory lookup. */
export function isResolvableAssignee(assignedTo: string): boolean {
  const trimmed = assignedTo.trim();
  return trimmed.includes('@') && !NON_PERSON_ASSIGNEES.includes(trimmed.toLowerCase());
}

export function defenderOwnerToSentinel(
  assignedTo: string | null,
  resolved?: ResolvedOwner,
): { owner: OwnerFields; notes: MappingNote[] } {
  if (!assignedTo) return { owner: { ...UNASSIGNED_OWNER }, notes: [] };

  if (resolved) {
    const owner = {
      objectId: resolved.objectId,
      email: resolved.mail,
      assignedTo: resolved.displayName,
      userPrincipalName: resolved.userPrincipalName,
      ownerType: 'User',
    };
    return { owner, notes: [] };
  }

  const looksLikeAddress = isResolvableAssignee(assignedTo);
  const owner = {
    objectId: '',
    email: looksLikeAddress ? assignedTo : '',
    assignedTo,
    userPrincipalName: looksLikeAddress ? assignedTo : '',
    ownerType: '',
  };
  const reason = looksLikeAddress
    ? 'Owner not resolved to an Entra objectId; carried as a name only.'
    : 'Owner is not a person (Defender automation or a rule); carried as a name only.';
  return { owner, notes: [note('owner', 'owner_not_resolved', reason, assignedTo)] };
}

/**
 * Defender takes one string. The UPN is preferred because Defender shows and filters on it; a
 * group owner has no Defender equivalent, so its name is written as text.
 */
export function sentinelOwnerToDefender(owner: OwnerFields): {
  assignedTo: string | null;
  notes: MappingNote[];
} {
  if (isUnassigned(owner)) return { assignedTo: null, notes: [] };

  const assignedTo = owner.userPrincipalName || owner.email || owner.assignedTo || null;
  const notes =
    owner.ownerType.toLowerCase() === 'group'
      ? [
          note(
            'assignedTo',
            'owner_group',
            'Defender has no group owner; wrote the name.',
            owner.assignedTo,
          ),
        ]
      : [];
  return { assignedTo, notes };
}

/** A case-insensitive key naming who owns an incident, comparable across both sides. */
export function ownerKeyOfDefender(assignedTo: string | null): string {
  return (assignedTo ?? '').trim().toLowerCase();
}

export function ownerKeyOfSentinel(owner: OwnerFields): string {
  const name = owner.userPrincipalName || owner.email || owner.assignedTo || owner.objectId;
  return name.trim().toLowerCase();
}

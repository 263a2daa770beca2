/**
 * Resolves Defender's free-text assignee (a UPN or e-mail address) to an Entra user of the
 * tenant that owns the Sentinel workspace, so the Sentinel owner carries an objectId and
 * "Assigned to me" works (BR-17). Lookups are case-insensitive: Graph matches UPNs that way,
 * and guests, whose UPN is `name_domain#EXT#@tenant`, are found by their mail address.
 */
import type { ResolvedOwner } from '../mapping/ownerMapping.ts';
import type { GraphUser } from '../model/graphIncident.ts';
import type { GraphSecurityClient } from './graphSecurityClient.ts';

export interface OwnerDirectoryOptions {
  graph: Pick<GraphSecurityClient, 'getUser' | 'findUsersByMail'>;
  cacheTtlMs?: number;
  clock?: () => number;
}

const DEFAULT_CACHE_TTL_MS = 15 * 60 * 1000;

export class OwnerDirectory {
  private readonly cache = new Map<string, { owner: ResolvedOwner | null; expiresAt: number }>();
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(private readonly options: OwnerDirectoryOptions) {
    this.ttlMs = options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS;
    this.now = options.clock ?? Date.now;
  }

  /** The user behind a name, or null when the directory has nobody by that name. */
  async resolve(name: string): Promise<ResolvedOwner | null> {
    const key = name.trim().toLowerCase();
    const cached = this.cache.get(key);
    if (cached && cached.expiresAt > this.now()) return cached.owner;

    const user = (await this.options.graph.getUser(key)) ?? (await this.findByMail(key));
    const owner = user ? toResolvedOwner(user) : null;
    this.cache.set(key, { owner, expiresAt: this.now() + this.ttlMs });
    return owner;
  }

  private async findByMail(mail: string): Promise<GraphUser | undefined> {
    const users = await this.options.graph.findUsersByMail(mail);
    return users.length === 1 ? users[0] : undefined;
  }
}

function toResolvedOwner(user: GraphUser): ResolvedOwner {
  return {
    objectId: user.id,
    userPrincipalName: user.userPrincipalName,
    mail: user.mail ?? '',
    displayName: user.displayName ?? user.userPrincipalName,
  };
}

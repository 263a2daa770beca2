/**
 * The emulator's in-memory world and the typed door tests use to look at it and change it
 * "as an analyst in the portal" would. Reads return copies; writes stamp the change cursors
 * exactly as the real services do (Graph `lastUpdateDateTime` / `lastModifiedBy`, Sentinel
 * `etag` / `lastModifiedTimeUtc`).
 */
import type { GraphComment, GraphIncident, GraphUser } from '../../model/graphIncident.ts';
import type {
  SentinelClientInfo,
  SentinelComment,
  SentinelIncident,
  SentinelIncidentProperties,
} from '../../model/sentinelIncident.ts';
import type { SentinelWorkspaceRef } from '../../model/sentinelIncidentArmId.ts';
import { sameWorkspace } from '../../model/sentinelIncidentArmId.ts';
import { newGuid } from '../ids.ts';
import type { SentinelDomainWhois, SentinelIpGeodata } from '../../model/sentinelContext.ts';
import type { EmulatorSeed, SentinelIncidentSeed } from '../seed.ts';
import type { EmulatorApi, EmulatorClient } from './appPrincipal.ts';
import {
  appendDefenderComment,
  applyDefenderChange,
  buildDefenderTenant,
  nextDefenderIncidentId,
  normalizeGraphIncident,
  type DefenderTenant,
} from './defenderTenant.ts';
import { EmulatorStateError } from './emulatorStateError.ts';
import { locateSentinelIncident, requireSentinelIncident } from './locateSentinelIncident.ts';
import { LogicResources } from './logicResources.ts';
import { snapshotState, type EmulatorStateSnapshot } from './snapshotState.ts';
import {
  buildSentinelWorkspace,
  findStoredIncident,
  normalizeSentinelIncident,
  storeIncident,
  type SentinelWorkspace,
} from './sentinelWorkspace.ts';
import { applyAnalystEdit, writeComment } from './sentinelWrites.ts';

export interface EmulatorStateOptions {
  clock: () => Date;
  /**
   * Whether writing or deleting a Sentinel comment counts as a change of its incident (new
   * etag, `lastModifiedTimeUtc`, `additionalData.commentsCount`). The service does this, and
   * it is why playbooks that comment between their GET and PUT meet 409s. Default true.
   */
  commentWritesBumpIncident?: boolean;
}

export interface AnalystOptions {
  /** Who the portal shows as the author; defaults to the tenant's first seeded user. */
  modifiedBy?: string;
}

export class EmulatorState {
  readonly commentWritesBumpIncident: boolean;
  /** Playbooks deployed to the emulated Logic Apps, their connections and runs. */
  readonly logic = new LogicResources();

  private readonly clock: () => Date;
  private baseline: EmulatorSeed;
  private tenants = new Map<string, DefenderTenant>();
  private workspaces: SentinelWorkspace[] = [];

  constructor(seed: EmulatorSeed, options: EmulatorStateOptions) {
    this.clock = options.clock;
    this.commentWritesBumpIncident = options.commentWritesBumpIncident ?? true;
    this.baseline = structuredClone(seed);
    this.reset();
  }

  now(): Date {
    return this.clock();
  }

  /** Replaces the whole world with `seed`, which also becomes what `reset` returns to. */
  load(seed: EmulatorSeed): void {
    this.baseline = structuredClone(seed);
    this.reset();
  }

  /** Back to the last loaded seed; every write since is forgotten. */
  reset(): void {
    const now = this.clock();
    this.logic.clear();
    this.tenants = new Map(
      this.baseline.tenants.map((seed) => [
        seed.tenantId.toLowerCase(),
        buildDefenderTenant(seed, now),
      ]),
    );
    this.workspaces = this.baseline.workspaces.map((seed) =>
      buildSentinelWorkspace(seed, this.directoryOf(seed.tenantId), now),
    );
  }

  snapshot(): EmulatorStateSnapshot {
    return snapshotState([...this.tenants.values()], this.workspaces);
  }

  // Lookups the emulated APIs use. They return live records, not copies.

  tenant(tenantId: string): DefenderTenant | undefined {
    return this.tenants.get(tenantId.toLowerCase());
  }

  findClient(tenantId: string, clientId: string): EmulatorClient | undefined {
    const wanted = clientId.toLowerCase();
    return this.tenant(tenantId)?.clients.find(
      (client) => client.clientId.toLowerCase() === wanted,
    );
  }

  /** An API of the tenant by its App ID URI or application id, trailing slashes ignored. */
  findApi(tenantId: string, resource: string): EmulatorApi | undefined {
    const wanted = resource.replace(/\/+$/, '').toLowerCase();
    return this.tenant(tenantId)?.apis.find(
      (api) =>
        api.appId.toLowerCase() === wanted ||
        api.identifierUri.replace(/\/+$/, '').toLowerCase() === wanted,
    );
  }

  directoryOf(tenantId: string): GraphUser[] {
    return this.tenant(tenantId)?.users ?? [];
  }

  workspace(ref: SentinelWorkspaceRef): SentinelWorkspace | undefined {
    return this.workspaces.find((candidate) => sameWorkspace(candidate.ref, ref));
  }

  /** What the IP geodata lookup knows about an address. */
  ipGeodata(address: string): SentinelIpGeodata | undefined {
    const wanted = address.toLowerCase();
    const found = this.baseline.enrichment?.ipGeodata?.find(
      (item) => item.ipAddr?.toLowerCase() === wanted,
    );
    return found ? structuredClone(found) : undefined;
  }

  /** What the domain whois lookup knows about a domain. */
  domainWhois(domain: string): SentinelDomainWhois | undefined {
    const wanted = domain.toLowerCase();
    const found = this.baseline.enrichment?.domainWhois?.find(
      (item) => item.domain?.toLowerCase() === wanted,
    );
    return found ? structuredClone(found) : undefined;
  }

  /** The tenant owning a subscription, known from the workspaces seeded in it. */
  subscriptionTenantId(subscriptionId: string): string | undefined {
    const wanted = subscriptionId.toLowerCase();
    return this.workspaces.find((ws) => ws.ref.subscriptionId.toLowerCase() === wanted)?.tenantId;
  }

  // Defender XDR (Graph) side.

  getDefenderIncident(tenantId: string, incidentId: string): GraphIncident | undefined {
    const incident = this.tenant(tenantId)?.incidents.get(incidentId);
    return incident ? structuredClone(incident) : undefined;
  }

  listDefenderIncidents(tenantId: string): GraphIncident[] {
    return structuredClone([...(this.tenant(tenantId)?.incidents.values() ?? [])]);
  }

  addDefenderIncident(tenantId: string, incident: Omit<GraphIncident, 'id'> & { id?: string }) {
    const tenant = this.requireTenant(tenantId);
    const id = incident.id ?? nextDefenderIncidentId(tenant);
    if (tenant.incidents.has(id)) {
      throw new EmulatorStateError('invalid', `Defender incident '${id}' already exists`);
    }

    const record = normalizeGraphIncident({ ...incident, id }, tenant.tenantId, this.clock());
    tenant.incidents.set(id, record);
    return structuredClone(record);
  }

  /** An analyst changes any fields in the Defender portal. */
  editDefenderIncident(
    tenantId: string,
    incidentId: string,
    changes: Partial<GraphIncident>,
    options: AnalystOptions = {},
  ): GraphIncident {
    const tenant = this.requireTenant(tenantId);
    const incident = this.requireDefenderIncident(tenant, incidentId);

    const { id: _ignoredId, ...editable } = changes;
    applyDefenderChange(
      incident,
      editable,
      { name: this.analystName(tenant, options) },
      this.clock(),
    );
    return structuredClone(incident);
  }

  addDefenderComment(
    tenantId: string,
    incidentId: string,
    comment: string,
    options: AnalystOptions = {},
  ): GraphComment[] {
    const tenant = this.requireTenant(tenantId);
    const incident = this.requireDefenderIncident(tenant, incidentId);
    const author = { name: this.analystName(tenant, options) };
    return structuredClone(appendDefenderComment(incident, comment, author, this.clock()));
  }

  // Sentinel side.

  getSentinelIncident(armIdOrName: string): SentinelIncident | undefined {
    const located = locateSentinelIncident(this.workspaces, armIdOrName);
    return located ? structuredClone(located.stored.resource) : undefined;
  }

  listSentinelIncidents(): SentinelIncident[] {
    return structuredClone(
      this.workspaces.flatMap((ws) => [...ws.incidents.values()].map((item) => item.resource)),
    );
  }

  getSentinelComments(armIdOrName: string): SentinelComment[] {
    return structuredClone(requireSentinelIncident(this.workspaces, armIdOrName).stored.comments);
  }

  addSentinelIncident(workspaceRef: SentinelWorkspaceRef, seed: SentinelIncidentSeed) {
    const workspace = this.workspace(workspaceRef);
    if (!workspace) throw new EmulatorStateError('notFound', 'No such Sentinel workspace');
    if (findStoredIncident(workspace, seed.incident.name)) {
      throw new EmulatorStateError('invalid', `Incident '${seed.incident.name}' already exists`);
    }

    const directory = this.directoryOf(workspace.tenantId);
    const stored = normalizeSentinelIncident(seed, workspace, directory, this.clock());
    storeIncident(workspace, stored);
    return structuredClone(stored.resource);
  }

  /** An analyst changes any properties in the Sentinel portal. */
  editSentinelIncident(
    armIdOrName: string,
    changes: Partial<SentinelIncidentProperties>,
  ): SentinelIncident {
    const { workspace, stored } = requireSentinelIncident(this.workspaces, armIdOrName);
    applyAnalystEdit(stored, changes, this.directoryOf(workspace.tenantId), this.clock());
    return structuredClone(stored.resource);
  }

  addSentinelComment(
    armIdOrName: string,
    message: string,
    options: { commentName?: string; author?: SentinelClientInfo } = {},
  ): SentinelComment {
    const { workspace, stored } = requireSentinelIncident(this.workspaces, armIdOrName);
    const author = options.author ?? this.analystClientInfo(workspace.tenantId);
    const write = {
      commentName: options.commentName ?? newGuid(),
      message,
      author,
      bumpIncident: this.commentWritesBumpIncident,
    };

    const result = writeComment(workspace, stored, write, this.clock());
    if (!result.ok) throw new EmulatorStateError('invalid', `Comment rejected: ${result.problem}`);
    return structuredClone(result.comment);
  }

  private requireTenant(tenantId: string): DefenderTenant {
    const tenant = this.tenant(tenantId);
    if (!tenant) throw new EmulatorStateError('notFound', `No tenant '${tenantId}'`);
    return tenant;
  }

  private requireDefenderIncident(tenant: DefenderTenant, incidentId: string): GraphIncident {
    const incident = tenant.incidents.get(incidentId);
    if (!incident) throw new EmulatorStateError('notFound', `No Defender incident '${incidentId}'`);
    return incident;
  }

  private analystName(tenant: DefenderTenant, options: AnalystOptions): string {
    return options.modifiedBy ?? tenant.users[0]?.userPrincipalName ?? 'analyst@emulator.invalid';
  }

  private analystClientInfo(tenantId: string): SentinelClientInfo {
    const user = this.directoryOf(tenantId)[0];
    if (!user) return { name: 'Portal analyst' };
    return {
      objectId: user.id,
      name: user.displayName ?? user.userPrincipalName,
      email: user.mail ?? user.userPrincipalName,
      userPrincipalName: user.userPrincipalName,
    };
  }
}

/**
 * The emulator's starting data: Entra ID tenants (apps, users, Defender incidents) and
 * Sentinel workspaces (incidents with their alerts, entities and comments). A seed is plain
 * JSON; `parseSeed` checks it once and lists every problem it finds.
 */
import { readFile } from 'node:fs/promises';

import type { GraphRiskyUser } from '../model/graphDirectory.ts';
import type { GraphIncident, GraphUser } from '../model/graphIncident.ts';
import type {
  SentinelDomainWhois,
  SentinelIpGeodata,
  SentinelWatchlistItem,
  ThreatIntelligenceIndicator,
} from '../model/sentinelContext.ts';
import type {
  SentinelAlert,
  SentinelComment,
  SentinelEntity,
  SentinelIncident,
} from '../model/sentinelIncident.ts';
import type { SentinelWorkspaceRef } from '../model/sentinelIncidentArmId.ts';
import { findSeedProblems } from './seedChecks.ts';

/** An app registration that may ask the emulated Entra ID for tokens. */
export interface EmulatorClientSeed {
  clientId: string;
  /** Accepted as `client_secret`. */
  clientSecret?: string;
  /**
   * PEM certificate whose key signs `client_assertion` JWTs. With it the assertion's
   * signature is verified; without it only its claims are checked.
   */
  certificatePem?: string;
  displayName: string;
  /** Service principal object id; derived from tenant and client id when left out. */
  objectId?: string;
}

/**
 * An API registered in the tenant (an app registration exposing app roles and scopes), so
 * that seeded apps can get tokens for it, as a playbook's managed identity does.
 */
export interface EmulatorApiSeed {
  /** The API's application (client) id: the audience of its v2 tokens. */
  appId: string;
  /** Its App ID URI, e.g. `api://incident-bridge`: the audience of its v1 tokens. */
  identifierUri: string;
  displayName: string;
  /** The manifest's `accessTokenAcceptedVersion`; Entra ID's default (null) issues v1. */
  accessTokenVersion?: 1 | 2;
  /** App roles granted to the tenant's apps, by client id (the `roles` of their tokens). */
  appRoleAssignments?: Record<string, string[]>;
}

export interface EmulatorTenantSeed {
  tenantId: string;
  displayName?: string;
  clients: EmulatorClientSeed[];
  /** APIs apps may ask tokens for, besides ARM and Graph. */
  apis?: EmulatorApiSeed[];
  users: EmulatorUserSeed[];
  /** Graph incidents, each with its `alerts` and `comments` inline. */
  defenderIncidents: GraphIncident[];
  /** Entra ID Protection risk per user; users not listed were never risky (404). */
  riskyUsers?: GraphRiskyUser[];
  /** False plays a tenant without Entra ID P2: riskyUsers answers 403. Default true. */
  identityProtection?: boolean;
}

/** A directory user; `managerId` names another user of the tenant as its manager. */
export type EmulatorUserSeed = GraphUser & {
  managerId?: string | null;
  officeLocation?: string | null;
};

export interface WatchlistSeed {
  alias: string;
  displayName?: string;
  items: SentinelWatchlistItem[];
}

export interface SentinelIncidentSeed {
  incident: SentinelIncident;
  alerts?: SentinelAlert[];
  entities?: SentinelEntity[];
  comments?: SentinelComment[];
}

export interface EmulatorWorkspaceSeed extends SentinelWorkspaceRef {
  /** The Entra ID tenant that owns the subscription; ARM tokens must come from it. */
  tenantId: string;
  incidents: SentinelIncidentSeed[];
  watchlists?: WatchlistSeed[];
  threatIntelligence?: ThreatIntelligenceIndicator[];
}

export interface EmulatorSeed {
  tenants: EmulatorTenantSeed[];
  workspaces: EmulatorWorkspaceSeed[];
  /** What Sentinel's IP geodata and domain whois lookups answer, in any subscription. */
  enrichment?: { ipGeodata?: SentinelIpGeodata[]; domainWhois?: SentinelDomainWhois[] };
}

export const EMPTY_SEED: EmulatorSeed = Object.freeze({ tenants: [], workspaces: [] });

/** The project's sandbox data set, the one `npm start` serves. */
export const SANDBOX_SEED_PATH = new URL('./seed/sandbox.json', import.meta.url);

export class EmulatorSeedError extends Error {
  override readonly name = 'EmulatorSeedError';

  readonly problems: readonly string[];

  constructor(source: string, problems: readonly string[]) {
    super(`${source} is not a valid emulator seed:\n- ${problems.join('\n- ')}`);
    this.problems = problems;
  }
}

/** Checks a parsed JSON value and returns it typed, or throws listing every problem. */
export function parseSeed(value: unknown, source = 'seed'): EmulatorSeed {
  const problems = findSeedProblems(value);
  if (problems.length > 0) throw new EmulatorSeedError(source, problems);
  return value as EmulatorSeed;
}

export async function loadSeedFile(path: string | URL): Promise<EmulatorSeed> {
  const source = String(path);
  const text = await readFile(path, 'utf8');

  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new EmulatorSeedError(source, [`not JSON: ${reason}`]);
  }
  return parseSeed(parsed, source);
}

/**
 * Defender incidents and directory users through Microsoft Graph v1.0, on the same Azure
 * transport as the Sentinel SDK client (`@azure/core-rest-pipeline`): one TLS, token and retry
 * stack for both services, and no second HTTP client to configure for the sandbox. The Graph
 * SDKs would add a large generated model for the four calls incident-bridge makes.
 */
import type { TokenCredential } from '@azure/core-auth';
import {
  bearerTokenAuthenticationPolicy,
  createDefaultHttpClient,
  createPipelineFromOptions,
  createPipelineRequest,
  type HttpClient,
  type HttpMethods,
  type Pipeline,
} from '@azure/core-rest-pipeline';
import type {
  GraphComment,
  GraphIncident,
  GraphIncidentPatch,
  GraphPage,
  GraphUser,
} from '../model/graphIncident.ts';
import type { GraphRiskyUser, GraphUserProfile } from '../model/graphDirectory.ts';
import { parseRetryAfterMs, RemoteCallError } from './remoteCallError.ts';
import type { TransportOptions } from './transportOptions.ts';
import type { ApiBudgets } from './budgets/apiBudgets.ts';
import { budgetPolicy, classifyGraphRequest } from './budgets/budgetPolicy.ts';
import { withPrepaidCalls } from './budgets/prepaidCalls.ts';

export interface GraphSecurityClientOptions {
  credential: TokenCredential;
  graphEndpoint: string;
  /** Token audience; defaults to the endpoint's origin, as in every Microsoft cloud. */
  graphScope?: string;
  transport: TransportOptions;
  /** Injected in tests; defaults to the SDK's Node HTTP client. */
  httpClient?: HttpClient;
  /** Shared call budgets; calls wait their turn under the tenant's Graph quota. */
  budgets?: ApiBudgets;
  tenantId?: string;
  /** Abandon a call after this long; its job retries it. Default 30 s. */
  requestTimeoutMs?: number;
}

export interface GraphIncidentQuery {
  filter?: string;
  /** Graph refuses more than 50 per page on /security/incidents. */
  top?: number;
  expandAlerts?: boolean;
}

export const GRAPH_INCIDENTS_MAX_TOP = 50;

/** Without it Graph hides newer enum members such as `awaitingAction` behind unknownFutureValue. */
const PREFER_UNKNOWN_ENUMS = 'include-unknown-enum-members';

interface GraphResponse {
  status: number;
  body: unknown;
  retryAfterMs: number | undefined;
}

export type GuardedPatch =
  | { kind: 'written'; incident: GraphIncident }
  | { kind: 'moved'; incident: GraphIncident }
  | { kind: 'missing' };

export class GraphSecurityClient {
  private readonly pipeline: Pipeline;
  /** For calls that are not idempotent (comment POSTs): a transport retry could post twice. */
  private readonly singleShotPipeline: Pipeline;
  private readonly httpClient: HttpClient;
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly budgets: ApiBudgets | undefined;
  private readonly tenantId: string;

  constructor(options: GraphSecurityClientOptions) {
    this.budgets = options.budgets;
    this.tenantId = options.tenantId ?? 'default';
    this.baseUrl = `${options.graphEndpoint.replace(/\/$/, '')}/v1.0`;
    this.httpClient = options.httpClient ?? createDefaultHttpClient();
    this.timeoutMs = options.requestTimeoutMs ?? 30_000;
    this.pipeline = graphPipeline(options, { maxRetries: 2, maxRetryDelayInMs: 10_000 });
    this.singleShotPipeline = graphPipeline(options, { maxRetries: 0 });
  }

  async getIncident(id: string, expandAlerts = false): Promise<GraphIncident | undefined> {
    const query = expandAlerts ? '?$expand=alerts' : '';
    const response = await this.send(
      'GET',
      `/security/incidents/${encodeURIComponent(id)}${query}`,
      'get incident',
    );
    if (response.status === 404) return undefined;
    return this.expect(response, 'get incident') as GraphIncident;
  }

  /** Pages of incidents matching the query, following `@odata.nextLink` verbatim. */
  async *listIncidents(query: GraphIncidentQuery = {}): AsyncGenerator<GraphIncident[]> {
    const params = new URLSearchParams();
    if (query.filter) params.set('$filter', query.filter);
    params.set(
      '$top',
      String(Math.min(query.top ?? GRAPH_INCIDENTS_MAX_TOP, GRAPH_INCIDENTS_MAX_TOP)),
    );
    if (query.expandAlerts) params.set('$expand', 'alerts');

    let url: string | undefined = `${this.baseUrl}/security/incidents?${params.toString()}`;
    while (url) {
      const response = await this.sendUrl('GET', url, 'list incidents');
      const page = this.expect(response, 'list incidents') as GraphPage<GraphIncident>;
      yield page.value ?? [];
      url = page['@odata.nextLink'];
    }
  }

  /**
   * Patches the incident only if it has not changed since `lastUpdateDateTime`: reads it and
   * writes right after, with both calls' budget taken beforehand so nothing waits between.
   * Graph has no etag, so this narrows the window for overwriting a concurrent change to one
   * round trip; it cannot close it.
   *
   * The PATCH itself is never retried by the transport: a retry waits a second or more after
   * the read, and an analyst's edit made meanwhile would be overwritten. A throttled, failed or
   * unanswered PATCH instead starts over from the read, which also tells whether a PATCH whose
   * answer was lost did land.
   */
  async patchIncidentIfUnchanged(
    id: string,
    patch: GraphIncidentPatch,
    lastUpdateDateTime: string | null | undefined,
  ): Promise<GuardedPatch> {
    const guarded = async (): Promise<GuardedPatch> => {
      const now = await this.getIncident(id);
      if (!now) return { kind: 'missing' };
      if (now.lastUpdateDateTime !== lastUpdateDateTime) return { kind: 'moved', incident: now };

      const written = await this.patchIncidentOnce(id, patch);
      return written ? { kind: 'written', incident: written } : { kind: 'missing' };
    };
    const attempt = (): Promise<GuardedPatch> =>
      this.budgets ? withPrepaidCalls(this.budgets, this.tenantId, 'graph', 2, guarded) : guarded();

    for (let round = 1; ; round += 1) {
      try {
        return await attempt();
      } catch (error) {
        const waitMs = guardedRetryWaitMs(error, round);
        if (waitMs === undefined) throw error;
        await new Promise((resolve) => setTimeout(resolve, waitMs));
      }
    }
  }

  async patchIncident(id: string, patch: GraphIncidentPatch): Promise<GraphIncident | undefined> {
    const response = await this.send(
      'PATCH',
      `/security/incidents/${encodeURIComponent(id)}`,
      'update incident',
      patch,
    );
    if (response.status === 404) return undefined;
    return this.expect(response, 'update incident') as GraphIncident;
  }

  private async patchIncidentOnce(
    id: string,
    patch: GraphIncidentPatch,
  ): Promise<GraphIncident | undefined> {
    const response = await this.send(
      'PATCH',
      `/security/incidents/${encodeURIComponent(id)}`,
      'update incident',
      patch,
      undefined,
      this.singleShotPipeline,
    );
    if (response.status === 404) return undefined;
    return this.expect(response, 'update incident') as GraphIncident;
  }

  /** Graph answers with the incident's whole comment list; comments have no ids. */
  async addComment(id: string, comment: string): Promise<GraphComment[]> {
    const body = { '@odata.type': 'microsoft.graph.security.alertComment', comment };
    const response = await this.send(
      'POST',
      `/security/incidents/${encodeURIComponent(id)}/comments`,
      'add comment',
      body,
      undefined,
      this.singleShotPipeline,
    );
    return (this.expect(response, 'add comment') as GraphPage<GraphComment>).value ?? [];
  }

  /** A user by object id or UPN; undefined when the directory has no such user. */
  async getUser(idOrUpn: string): Promise<GraphUser | undefined> {
    const select = '$select=id,userPrincipalName,mail,displayName,userType,accountEnabled';
    const response = await this.send(
      'GET',
      `/users/${encodeURIComponent(idOrUpn)}?${select}`,
      'get user',
    );
    if (response.status === 404) return undefined;
    return this.expect(response, 'get user') as GraphUser;
  }

  /**
   * A user with the profile an analyst wants beside an account, and its manager; undefined
   * when the directory has no such user.
   */
  async getUserProfile(
    idOrUpn: string,
    options: { abortSignal?: AbortSignal } = {},
  ): Promise<GraphUserProfile | undefined> {
    const query =
      '$select=id,userPrincipalName,displayName,mail,userType,accountEnabled,department,' +
      'jobTitle,officeLocation&$expand=manager($select=id,displayName,userPrincipalName,mail)';
    const response = await this.send(
      'GET',
      `/users/${encodeURIComponent(idOrUpn)}?${query}`,
      'get user profile',
      undefined,
      options.abortSignal,
    );
    if (response.status === 404) return undefined;
    return this.expect(response, 'get user profile') as GraphUserProfile;
  }

  /**
   * The user's Entra ID Protection risk. `unavailable` when the tenant does not allow it (no
   * P2 licence or no IdentityRiskyUser.Read.All: 403), `none` when the user was never risky.
   */
  async getRiskyUser(
    userId: string,
    options: { abortSignal?: AbortSignal } = {},
  ): Promise<GraphRiskyUser | 'none' | 'unavailable'> {
    const response = await this.send(
      'GET',
      `/identityProtection/riskyUsers/${encodeURIComponent(userId)}`,
      'get risky user',
      undefined,
      options.abortSignal,
    );
    if (response.status === 404) return 'none';
    if (response.status === 403 || response.status === 401) return 'unavailable';
    return this.expect(response, 'get risky user') as GraphRiskyUser;
  }

  /** Users whose mail address is exactly this one (guests are found by mail, not UPN). */
  async findUsersByMail(mail: string): Promise<GraphUser[]> {
    const filter = encodeURIComponent(`mail eq '${mail.replaceAll("'", "''")}'`);
    const response = await this.send('GET', `/users?$filter=${filter}`, 'find users');
    return (this.expect(response, 'find users') as GraphPage<GraphUser>).value ?? [];
  }

  private send(
    method: HttpMethods,
    path: string,
    operation: string,
    body?: unknown,
    abortSignal?: AbortSignal,
    pipeline = this.pipeline,
  ): Promise<GraphResponse> {
    return this.sendUrl(method, `${this.baseUrl}${path}`, operation, body, abortSignal, pipeline);
  }

  private async sendUrl(
    method: HttpMethods,
    url: string,
    operation: string,
    body?: unknown,
    abortSignal?: AbortSignal,
    pipeline = this.pipeline,
  ): Promise<GraphResponse> {
    const request = createPipelineRequest({ url, method, timeout: this.timeoutMs, abortSignal });
    request.headers.set('Accept', 'application/json');
    request.headers.set('Prefer', PREFER_UNKNOWN_ENUMS);
    if (body !== undefined) {
      request.headers.set('Content-Type', 'application/json');
      request.body = JSON.stringify(body);
    }

    try {
      const response = await pipeline.sendRequest(this.httpClient, request);
      return {
        status: response.status,
        body: response.bodyAsText ? JSON.parse(response.bodyAsText) : undefined,
        retryAfterMs: parseRetryAfterMs(response.headers.get('retry-after')),
      };
    } catch {
      // Transport and token failures; the SDK error holds headers and is not passed on.
      throw new RemoteCallError('graph', operation, undefined, undefined, undefined);
    }
  }

  private expect(response: GraphResponse, operation: string): unknown {
    if (response.status >= 200 && response.status < 300) return response.body;

    const remoteCode = (response.body as { error?: { code?: string } } | undefined)?.error?.code;
    throw new RemoteCallError(
      'graph',
      operation,
      response.status,
      remoteCode,
      response.retryAfterMs,
    );
  }
}

/** Rounds of read-then-PATCH before a failing guarded write goes back to its job. */
const GUARDED_PATCH_ROUNDS = 3;
const GUARDED_PATCH_MAX_WAIT_MS = 10_000;

/** How long to wait before the next guarded round, or undefined to give up and throw. */
function guardedRetryWaitMs(error: unknown, round: number): number | undefined {
  if (!(error instanceof RemoteCallError) || !error.retryable) return undefined;
  if (round >= GUARDED_PATCH_ROUNDS) return undefined;

  const backoffMs = 500 * 2 ** (round - 1);
  return Math.min(error.retryAfterMs ?? backoffMs, GUARDED_PATCH_MAX_WAIT_MS);
}

function graphPipeline(
  options: GraphSecurityClientOptions,
  retryOptions: { maxRetries: number; maxRetryDelayInMs?: number },
): Pipeline {
  const pipeline = createPipelineFromOptions({ ...options.transport, retryOptions });
  if (options.budgets) {
    const policy = budgetPolicy(
      options.budgets,
      options.tenantId ?? 'default',
      classifyGraphRequest,
    );
    pipeline.addPolicy(policy, { afterPhase: 'Retry' });
  }
  pipeline.addPolicy(
    bearerTokenAuthenticationPolicy({
      credential: options.credential,
      scopes: options.graphScope ?? `${new URL(options.graphEndpoint).origin}/.default`,
    }),
  );
  return pipeline;
}

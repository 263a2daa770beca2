/**
 * Sentinel incidents of one workspace, through `@azure/arm-securityinsight` with the
 * api-version from config. Expected remote outcomes (not found, etag conflict) are values;
 * anything else is a `RemoteCallError`.
 */
import { SecurityInsights, type Incident, type IncidentComment } from '@azure/arm-securityinsight';
import type { TokenCredential } from '@azure/core-auth';
import { isRestError } from '@azure/core-rest-pipeline';
import type {
  SentinelAlert,
  SentinelComment,
  SentinelEntitiesResponse,
  SentinelIncident,
  SentinelIncidentProperties,
} from '../model/sentinelIncident.ts';
import type { SentinelWorkspaceRef } from '../model/sentinelIncidentArmId.ts';
import { parseRetryAfterMs, RemoteCallError } from './remoteCallError.ts';
import { captureRawBody } from './sdkRawBody.ts';
import type { TransportOptions } from './transportOptions.ts';
import type { ApiBudgets } from './budgets/apiBudgets.ts';
import { budgetPolicy, classifySentinelRequest } from './budgets/budgetPolicy.ts';

export interface SentinelIncidentsClientOptions {
  workspace: SentinelWorkspaceRef;
  credential: TokenCredential;
  apiVersion: string;
  armEndpoint: string;
  /** Token audience; defaults to the endpoint's origin, as in every Microsoft cloud. */
  armScope?: string;
  transport: TransportOptions;
  /** Shared call budgets; calls wait their turn under the workspace tenant's quota. */
  budgets?: ApiBudgets;
  tenantId?: string;
  /** Abandon a call after this long; its job retries it. Default 30 s. */
  requestTimeoutMs?: number;
}

/** Jobs retry on their own schedule; the SDK only smooths over brief blips. */
const SDK_RETRY_OPTIONS = { maxRetries: 2, maxRetryDelayInMs: 10_000 };

export type SentinelPutResult =
  | { kind: 'written'; incident: SentinelIncident }
  | { kind: 'conflict' }
  | { kind: 'rejected'; status: number; remoteCode: string; message: string };

export interface SentinelListQuery {
  filter?: string;
  orderby?: string;
  /** Sentinel caps a page at 1,000. */
  top?: number;
}

const MAX_LIST_TOP = 1000;

export class SentinelIncidentsClient {
  private readonly sdk: SecurityInsights;
  private readonly callOptions: { requestOptions: { timeout: number } };
  readonly workspace: SentinelWorkspaceRef;

  constructor(options: SentinelIncidentsClientOptions) {
    this.workspace = options.workspace;
    this.callOptions = { requestOptions: { timeout: options.requestTimeoutMs ?? 30_000 } };
    this.sdk = new SecurityInsights(options.credential, options.workspace.subscriptionId, {
      ...options.transport,
      endpoint: options.armEndpoint,
      credentialScopes: [options.armScope ?? `${new URL(options.armEndpoint).origin}/.default`],
      apiVersion: options.apiVersion,
      retryOptions: SDK_RETRY_OPTIONS,
    });
    if (options.budgets) {
      this.sdk.pipeline.addPolicy(
        budgetPolicy(
          options.budgets,
          options.tenantId ?? options.workspace.subscriptionId,
          classifySentinelRequest,
        ),
        { afterPhase: 'Retry' },
      );
    }
  }

  async get(incidentId: string): Promise<SentinelIncident | undefined> {
    const capture = captureRawBody(this.callOptions);
    try {
      await this.sdk.incidents.get(this.rg, this.ws, incidentId, capture.options);
      return capture.body() as SentinelIncident;
    } catch (error) {
      if (isRestError(error) && error.statusCode === 404) return undefined;
      throw toRemoteError('get incident', error);
    }
  }

  /** A full PUT; the etag in `incident` makes it conditional. */
  async put(
    incidentId: string,
    properties: SentinelIncidentProperties,
    etag?: string,
  ): Promise<SentinelPutResult> {
    const capture = captureRawBody(this.callOptions);
    try {
      await this.sdk.incidents.createOrUpdate(
        this.rg,
        this.ws,
        incidentId,
        toSdkIncident(properties, etag),
        capture.options,
      );
      return { kind: 'written', incident: capture.body() as SentinelIncident };
    } catch (error) {
      if (isRestError(error) && error.statusCode === 409) return { kind: 'conflict' };
      if (isRestError(error) && error.statusCode === 400) {
        return {
          kind: 'rejected',
          status: 400,
          remoteCode: error.code ?? 'BadRequest',
          message: remoteMessage(error),
        };
      }
      throw toRemoteError('put incident', error);
    }
  }

  /** Every incident matching the query, following nextLink to the end. */
  async *list(query: SentinelListQuery = {}): AsyncGenerator<SentinelIncident> {
    const capture = captureRawBody(this.callOptions);
    const top = Math.min(query.top ?? MAX_LIST_TOP, MAX_LIST_TOP);
    const pages = this.sdk.incidents
      .list(this.rg, this.ws, {
        ...capture.options,
        filter: query.filter,
        orderby: query.orderby,
        top,
      })
      .byPage();
    try {
      for await (const _page of pages) {
        const body = capture.body() as { value?: SentinelIncident[] } | undefined;
        yield* body?.value ?? [];
      }
    } catch (error) {
      throw toRemoteError('list incidents', error);
    }
  }

  async listAlerts(incidentId: string): Promise<SentinelAlert[]> {
    const capture = captureRawBody(this.callOptions);
    try {
      await this.sdk.incidents.listAlerts(this.rg, this.ws, incidentId, capture.options);
      return (capture.body() as { value?: SentinelAlert[] } | undefined)?.value ?? [];
    } catch (error) {
      throw toRemoteError('list incident alerts', error);
    }
  }

  async listEntities(incidentId: string): Promise<SentinelEntitiesResponse> {
    const capture = captureRawBody(this.callOptions);
    try {
      await this.sdk.incidents.listEntities(this.rg, this.ws, incidentId, capture.options);
      const body = capture.body() as Partial<SentinelEntitiesResponse> | undefined;
      return { entities: body?.entities ?? [], metaData: body?.metaData ?? [] };
    } catch (error) {
      throw toRemoteError('list incident entities', error);
    }
  }

  async *listComments(incidentId: string): AsyncGenerator<SentinelComment> {
    const capture = captureRawBody(this.callOptions);
    try {
      for await (const _page of this.sdk.incidentComments
        .list(this.rg, this.ws, incidentId, capture.options)
        .byPage()) {
        yield* (capture.body() as { value?: SentinelComment[] } | undefined)?.value ?? [];
      }
    } catch (error) {
      throw toRemoteError('list incident comments', error);
    }
  }

  /** PUT with a client-chosen id: the same id twice updates instead of duplicating. */
  async putComment(
    incidentId: string,
    commentId: string,
    message: string,
  ): Promise<SentinelComment> {
    const capture = captureRawBody(this.callOptions);
    const comment: IncidentComment = { message };
    try {
      await this.sdk.incidentComments.createOrUpdate(
        this.rg,
        this.ws,
        incidentId,
        commentId,
        comment,
        capture.options,
      );
      return capture.body() as SentinelComment;
    } catch (error) {
      throw toRemoteError('put incident comment', error);
    }
  }

  /** Removes a comment; one already gone counts as removed. */
  async deleteComment(incidentId: string, commentId: string): Promise<void> {
    try {
      await this.sdk.incidentComments.delete(this.rg, this.ws, incidentId, commentId);
    } catch (error) {
      if (isRestError(error) && error.statusCode === 404) return;
      throw toRemoteError('delete incident comment', error);
    }
  }

  private get rg(): string {
    return this.workspace.resourceGroupName;
  }

  private get ws(): string {
    return this.workspace.workspaceName;
  }
}

/** The SDK model takes the properties flattened beside the etag. */
function toSdkIncident(properties: SentinelIncidentProperties, etag?: string): Incident {
  const owner = properties.owner ?? undefined;
  return {
    etag,
    title: properties.title,
    severity: properties.severity,
    status: properties.status,
    description: properties.description ?? undefined,
    classification: properties.classification ?? undefined,
    classificationReason: properties.classificationReason ?? undefined,
    classificationComment: properties.classificationComment ?? undefined,
    owner: owner
      ? {
          objectId: owner.objectId ?? undefined,
          email: owner.email ?? undefined,
          assignedTo: owner.assignedTo ?? undefined,
          userPrincipalName: owner.userPrincipalName ?? undefined,
        }
      : undefined,
    labels: (properties.labels ?? []).map((label) => ({ labelName: label.labelName })),
    firstActivityTimeUtc: toDate(properties.firstActivityTimeUtc),
    lastActivityTimeUtc: toDate(properties.lastActivityTimeUtc),
  };
}

function toDate(value: string | null | undefined): Date | undefined {
  if (!value) return undefined;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

function remoteMessage(error: unknown): string {
  if (!isRestError(error)) return '';
  const details = error.details as { error?: { message?: string } } | undefined;
  return details?.error?.message ?? '';
}

function toRemoteError(operation: string, error: unknown): RemoteCallError {
  // The SDK error is not attached as a cause: it holds the request, headers included.
  if (!isRestError(error))
    return new RemoteCallError('sentinel', operation, undefined, undefined, undefined);
  const retryAfter = error.response?.headers.get('retry-after');
  return new RemoteCallError(
    'sentinel',
    operation,
    error.statusCode,
    error.code,
    parseRetryAfterMs(retryAfter),
  );
}

/**
 * The body a Logic App receives from the "Microsoft Sentinel incident" trigger. Its casing is
 * mixed and case-sensitive: `workspaceInfo` keys are PascalCase, `object` follows the ARM shape,
 * and the alert and entity arrays are lowercase `alerts` / `relatedEntities`.
 */
import type {
  SentinelAlert,
  SentinelEntity,
  SentinelIncidentProperties,
} from './sentinelIncident.ts';

export interface PlaybookTriggerBody {
  eventUniqueId?: string | null;
  objectSchemaType?: string | null;
  objectEventType?: string | null;
  workspaceInfo?: {
    SubscriptionId?: string | null;
    ResourceGroupName?: string | null;
    WorkspaceName?: string | null;
  } | null;
  workspaceId?: string | null;
  incidentUpdates?: Record<string, unknown> | null;
  object: {
    id: string;
    name?: string | null;
    etag?: string | null;
    type?: string | null;
    properties: SentinelIncidentProperties & {
      alerts?: SentinelAlert[] | null;
      relatedEntities?: SentinelEntity[] | null;
      comments?: unknown[] | null;
    };
    /** Some captures carry the arrays beside `properties` instead of inside it. */
    alerts?: SentinelAlert[] | null;
    relatedEntities?: SentinelEntity[] | null;
  };
}

/** True when the body has the trigger's envelope rather than a bare ARM incident. */
export function isPlaybookTriggerBody(body: unknown): body is PlaybookTriggerBody {
  if (typeof body !== 'object' || body === null) return false;
  const candidate = body as Record<string, unknown>;
  const inner = candidate['object'];
  if (typeof inner !== 'object' || inner === null) return false;
  const properties = (inner as Record<string, unknown>)['properties'];
  return typeof properties === 'object' && properties !== null;
}

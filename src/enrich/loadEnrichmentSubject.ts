/**
 * Reads the incident to enrich from what the caller gave: a Sentinel ARM id, a Defender id,
 * or a body (trigger, Sentinel resource, Graph incident). When the incident belongs to a
 * configured pair, the full lists are read from the APIs: the trigger body caps entities
 * (BR-18) and sometimes has none (BR-21), and Sentinel shows at most 150 alerts, so the
 * Defender side's evidence is read too whenever the incident has a Defender twin.
 */
import type { GraphAlert, GraphIncident } from '../model/graphIncident.ts';
import { isPlaybookTriggerBody, type PlaybookTriggerBody } from '../model/playbookTrigger.ts';
import {
  SENTINEL_LIMITS,
  type SentinelAlert,
  type SentinelEntity,
  type SentinelIncident,
} from '../model/sentinelIncident.ts';
import {
  formatSentinelIncidentArmId,
  parseSentinelIncidentArmId,
  type SentinelIncidentRef,
} from '../model/sentinelIncidentArmId.ts';
import { isDefenderProvider } from '../mapping/defenderProvider.ts';
import { readGraphIncident } from '../mapping/readGraphIncident.ts';
import { readSentinelIncident } from '../mapping/sentinelIncidentView.ts';
import { text } from '../mapping/valueReaders.ts';
import type { Store } from '../store/store.ts';
import type { PairRegistry, PairRuntime } from '../sync/pairRegistry.ts';
import { EnrichmentError } from './enrichmentError.ts';
import { enrichmentNote } from './enrichmentNote.ts';
import type { EnrichmentSubject } from './enrichmentSubject.ts';

export type EnrichmentTarget =
  | { kind: 'sentinel'; armId: string }
  | { kind: 'defender'; tenantId: string; incidentId: string }
  | { kind: 'body'; body: unknown };

export interface SubjectSources {
  pairs: PairRegistry;
  store: Store;
}

export async function loadEnrichmentSubject(
  target: EnrichmentTarget,
  sources: SubjectSources,
): Promise<EnrichmentSubject> {
  if (target.kind === 'sentinel') return fromSentinelArmId(target.armId, sources);
  if (target.kind === 'defender')
    return fromDefenderId(target.tenantId, target.incidentId, sources);
  return fromBody(target.body, sources);
}

function emptySubject(): EnrichmentSubject {
  return {
    graphAlerts: [],
    sentinelAlerts: [],
    sentinelEntities: [],
    sentinelListed: false,
    triggerEntities: [],
    entitiesComplete: false,
    notes: [],
  };
}

async function fromSentinelArmId(
  armId: string,
  sources: SubjectSources,
): Promise<EnrichmentSubject> {
  const ref = parseSentinelIncidentArmId(armId);
  if (!ref)
    throw new EnrichmentError('sentinel_incident_not_found', 'Not a Sentinel incident ARM id', {
      armId,
    });
  const pair = requireWorkspacePair(ref, sources);

  const incident = await pair.sentinel.get(ref.incidentId);
  if (!incident)
    throw new EnrichmentError('sentinel_incident_not_found', 'Sentinel incident not found', {
      armId,
    });

  const subject = emptySubject();
  subject.pair = pair;
  await addSentinelSide(subject, incident, ref, pair, { alertsGiven: false });
  await addDefenderTwin(subject, pair, sources);
  return finish(subject);
}

async function fromDefenderId(
  tenantId: string,
  incidentId: string,
  sources: SubjectSources,
): Promise<EnrichmentSubject> {
  const pair = sources.pairs.forDefenderTenant(tenantId)[0];
  if (!pair) {
    throw new EnrichmentError(
      'pair_not_configured',
      'No pair is configured for this Defender tenant',
      { tenantId },
    );
  }
  const incident = await pair.defender.getIncident(incidentId, true);
  if (!incident) {
    throw new EnrichmentError('defender_incident_not_found', 'Defender incident not found', {
      incidentId,
    });
  }

  const subject = emptySubject();
  subject.pair = pair;
  addDefenderSide(subject, incident, tenantId, true);
  await addSentinelTwin(subject, pair, tenantId, incidentId, sources);
  return finish(subject);
}

async function fromBody(body: unknown, sources: SubjectSources): Promise<EnrichmentSubject> {
  const subject = emptySubject();
  if (isPlaybookTriggerBody(body) || isSentinelResource(body)) {
    const incident = isPlaybookTriggerBody(body) ? body.object : (body as SentinelIncident);
    // The view reader treats a body as a trigger only with its workspaceInfo envelope.
    const readable = isPlaybookTriggerBody(body) && !('workspaceInfo' in body) ? incident : body;
    const reading = readSentinelIncident(readable as SentinelIncident);
    const ref = reading.incident.ref;
    const pair = ref ? sources.pairs.forWorkspace(ref) : undefined;
    subject.pair = pair;
    subject.triggerEntities = reading.incident.entities.length
      ? reading.incident.entities
      : listOf<SentinelEntity>(
          incident.properties as unknown as Record<string, unknown>,
          'relatedEntities',
        );
    const alerts = reading.incident.alerts.length
      ? reading.incident.alerts
      : listOf<SentinelAlert>(incident.properties as unknown as Record<string, unknown>, 'alerts');

    setSentinelView(subject, readable as SentinelIncident | PlaybookTriggerBody, ref, alerts);
    if (pair && ref) {
      await addSentinelLists(subject, pair, ref, { alertsGiven: true });
      await addDefenderTwin(subject, pair, sources);
    }
    return finish(subject);
  }

  const graph = body as GraphIncident;
  const tenantId = text(graph.tenantId);
  const pair = tenantId ? sources.pairs.forDefenderTenant(tenantId)[0] : undefined;
  subject.pair = pair;
  const alertsGiven = Array.isArray(graph.alerts) && graph.alerts.length > 0;
  const fetched =
    pair && !alertsGiven
      ? await tryRead(subject, 'defender', () => pair.defender.getIncident(String(graph.id), true))
      : undefined;
  addDefenderSide(subject, fetched ?? graph, tenantId, fetched !== undefined || alertsGiven);
  if (pair) await addSentinelTwin(subject, pair, tenantId, String(graph.id), sources);
  return finish(subject);
}

function isSentinelResource(body: unknown): body is SentinelIncident {
  const properties = (body as { properties?: unknown } | null)?.properties;
  return typeof properties === 'object' && properties !== null;
}

function listOf<T>(record: Record<string, unknown> | undefined, key: string): T[] {
  const value = record?.[key];
  return Array.isArray(value) ? (value as T[]) : [];
}

function requireWorkspacePair(ref: SentinelIncidentRef, sources: SubjectSources): PairRuntime {
  const pair = sources.pairs.forWorkspace(ref);
  if (!pair) {
    throw new EnrichmentError(
      'pair_not_configured',
      'No pair is configured for this Sentinel workspace',
      {
        workspace: `${ref.subscriptionId}/${ref.resourceGroupName}/${ref.workspaceName}`,
      },
    );
  }
  return pair;
}

function setSentinelView(
  subject: EnrichmentSubject,
  body: SentinelIncident | PlaybookTriggerBody,
  ref: SentinelIncidentRef | undefined,
  alerts: SentinelAlert[],
): void {
  const view = readSentinelIncident(body).incident;
  const resource = isPlaybookTriggerBody(body) ? body.object : body;
  const additional = resource.properties?.additionalData;
  subject.sentinel = {
    armId: ref ? formatSentinelIncidentArmId(ref) : '',
    incidentName: ref?.incidentId ?? text(resource.name),
    view,
    alertsCount: typeof additional?.alertsCount === 'number' ? additional.alertsCount : null,
    techniques: Array.isArray(additional?.techniques) ? additional.techniques.map(text) : [],
  };
  subject.sentinelAlerts = alerts;
}

async function addSentinelSide(
  subject: EnrichmentSubject,
  incident: SentinelIncident,
  ref: SentinelIncidentRef,
  pair: PairRuntime,
  options: { alertsGiven: boolean },
): Promise<void> {
  setSentinelView(subject, incident, ref, []);
  await addSentinelLists(subject, pair, ref, options);
}

/** Sentinel's entity list, and its alerts when the caller's copy may be short of them. */
async function addSentinelLists(
  subject: EnrichmentSubject,
  pair: PairRuntime,
  ref: SentinelIncidentRef,
  options: { alertsGiven: boolean },
): Promise<void> {
  const known = subject.sentinelAlerts.length;
  const count = subject.sentinel?.alertsCount ?? null;
  if (!options.alertsGiven || count === null || known < count) {
    const alerts = await tryRead(subject, 'sentinel', () =>
      pair.sentinel.listAlerts(ref.incidentId),
    );
    if (alerts && alerts.length >= known) subject.sentinelAlerts = alerts;
  }

  const listed = await tryRead(subject, 'sentinel', () =>
    pair.sentinel.listEntities(ref.incidentId),
  );
  if (!listed) return;
  subject.sentinelEntities = listed.entities;
  const given = subject.triggerEntities.length;
  if (options.alertsGiven && listed.entities.length > given) {
    subject.notes.push(
      enrichmentNote(
        'entities',
        'entities_fetched',
        `The body held ${given} entities; Sentinel lists ${listed.entities.length}, all of them used.`,
        listed.entities.length,
      ),
    );
  }
  subject.sentinelListed = true;
}

function addDefenderSide(
  subject: EnrichmentSubject,
  incident: GraphIncident,
  tenantId: string,
  readFromGraph: boolean,
): void {
  const view = readGraphIncident(incident).incident;
  subject.defender = {
    tenantId: tenantId || view.tenantId,
    incidentId: view.id,
    title: view.title,
    description: view.description,
    readFromGraph,
  };
  subject.graphAlerts = view.alerts as GraphAlert[];
}

/** The Defender incident a Sentinel incident mirrors, by stored link or providerIncidentId. */
async function addDefenderTwin(
  subject: EnrichmentSubject,
  pair: PairRuntime,
  sources: SubjectSources,
): Promise<void> {
  const sentinel = subject.sentinel;
  if (!sentinel) return;
  const link = sentinel.armId
    ? await sources.store.findLinkBySentinelArmId(sentinel.armId)
    : undefined;
  const defenderId =
    link?.defenderIncidentId ??
    (isDefenderProvider(sentinel.view.providerName) ? sentinel.view.providerIncidentId : '');
  if (!defenderId) return;

  const incident = await tryRead(subject, 'defender', () =>
    pair.defender.getIncident(defenderId, true),
  );
  if (incident) addDefenderSide(subject, incident, pair.config.defender.tenantId, true);
}

/** The Sentinel twin of a Defender incident, by stored link or providerIncidentId. */
async function addSentinelTwin(
  subject: EnrichmentSubject,
  pair: PairRuntime,
  tenantId: string,
  incidentId: string,
  sources: SubjectSources,
): Promise<void> {
  const links = await sources.store.findLinksByDefender(
    tenantId || pair.config.defender.tenantId,
    incidentId,
  );
  const linked = links.find((link) => link.state === 'linked') ?? links[0];
  const found = await tryRead(subject, 'sentinel', async () => {
    if (linked) return pair.sentinel.get(linked.sentinelIncidentArmId.split('/').pop() ?? '');
    const filter = `properties/providerIncidentId eq '${incidentId.replaceAll("'", "''")}'`;
    for await (const candidate of pair.sentinel.list({ filter, top: 10 })) {
      if (isDefenderProvider(candidate.properties.providerName)) return candidate;
    }
    return undefined;
  });
  const ref = found ? parseSentinelIncidentArmId(found.id) : undefined;
  if (!found || !ref) return;
  await addSentinelSide(subject, found, ref, pair, { alertsGiven: false });
}

/** A read that may fail without failing the enrichment; the failure becomes a note. */
async function tryRead<T>(
  subject: EnrichmentSubject,
  side: 'sentinel' | 'defender',
  read: () => Promise<T | undefined>,
): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    const code = side === 'sentinel' ? 'sentinel_unavailable' : 'defender_unavailable';
    const reason = error instanceof Error ? error.message : 'the call failed';
    subject.notes.push(enrichmentNote(side, code, `Could not read the ${side} side: ${reason}.`));
    return undefined;
  }
}

/** Whether every entity of the incident was seen: a full list from either API counts. */
function finish(subject: EnrichmentSubject): EnrichmentSubject {
  const alertsCount = subject.sentinel?.alertsCount ?? 0;
  const sentinelComplete =
    subject.sentinelListed && alertsCount <= SENTINEL_LIMITS.alertsShownPerIncident;
  const graphComplete = subject.defender?.readFromGraph === true && subject.graphAlerts.length > 0;
  subject.entitiesComplete = sentinelComplete || graphComplete;

  if (!subject.entitiesComplete) {
    subject.notes.push(
      enrichmentNote(
        'entities',
        'entities_partial',
        subject.pair
          ? 'Neither Sentinel nor Defender gave a full entity list; the result may miss entities.'
          : 'The incident belongs to no configured pair; only the entities in the body were used.',
      ),
    );
  }
  return subject;
}

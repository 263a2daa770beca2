/** Short names for the generated contract types the handlers use. */
import type { components } from '../openapi/generated/types.ts';

type Schemas = components['schemas'];

export type Health = Schemas['Health'];
export type MapDefenderIncidentResult = Schemas['MapDefenderIncidentResult'];
export type MapSentinelIncidentResult = Schemas['MapSentinelIncidentResult'];
export type SyncSentinelIncidentRequest = Schemas['SyncSentinelIncidentRequest'];
export type SyncDefenderIncidentRequest = Schemas['SyncDefenderIncidentRequest'];
export type SyncResult = Schemas['SyncResult'];
export type IncidentLink = Schemas['IncidentLink'];
export type MappingNote = Schemas['MappingNote'];
export type EnrichIncidentRequest = Schemas['EnrichIncidentRequest'];
export type EnrichmentResult = Schemas['EnrichmentResult'];
export type PairList = Schemas['PairList'];

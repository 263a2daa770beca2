/**
 * Whether a Sentinel incident came from Defender XDR. Only then is its providerIncidentId a
 * Defender incident id: for Sentinel's own incidents ("Azure Sentinel") the field holds the
 * Sentinel incident number, and following it would link the wrong Defender incident.
 */
const DEFENDER_PROVIDER_NAMES = [
  'microsoft xdr',
  'microsoft 365 defender',
  'microsoft defender xdr',
];

export function isDefenderProvider(providerName: string | null | undefined): boolean {
  return DEFENDER_PROVIDER_NAMES.includes((providerName ?? '').trim().toLowerCase());
}

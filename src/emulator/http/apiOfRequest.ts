/**
 * Which emulated service a request path belongs to: ARM (`/subscriptions/...`), Graph
 * (`/v1.0/...`), the control API (`/_emulator/...`) or, for everything else, Entra ID.
 */
import type { EmulatedApi } from '../faults.ts';

export type RequestApi = EmulatedApi | 'control';

export function apiOfPath(path: string): RequestApi {
  const lower = path.toLowerCase();
  if (lower.startsWith('/_emulator/') || lower === '/_emulator') return 'control';
  if (lower.startsWith('/subscriptions/')) return 'arm';
  if (lower.startsWith('/v1.0/')) return 'graph';
  return 'identity';
}

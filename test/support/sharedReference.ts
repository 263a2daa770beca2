/**
 * The public reference material (Microsoft samples, schemas, specs) that CI keeps beside the
 * clone in ../shared. Suites that read it run only when it is there; the project's own
 * fixtures cover the same code without it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `INCIDENT_BRIDGE_SHARED_DIR` points at another copy, for a clone that has none beside it. */
export const SHARED_ROOT = withSlash(
  process.env['INCIDENT_BRIDGE_SHARED_DIR'] ??
    fileURLToPath(new URL('../../../shared/', import.meta.url)),
);
export const sharedExists = existsSync(SHARED_ROOT);

export function sharedPath(relative: string): string {
  return `${SHARED_ROOT}${relative}`;
}

export function readSharedJson<T = unknown>(relative: string): T {
  return JSON.parse(readFileSync(sharedPath(relative), 'utf8')) as T;
}

function withSlash(path: string): string {
  return path.endsWith('/') ? path : `${path}/`;
}

/** Reads the project's own test fixtures (test/fixtures), fresh copies each time. */
import { readFileSync } from 'node:fs';

export function fixture<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as T;
}

/**
 * A file derived from the contract or the templates' code. Generators return them rendered,
 * so a test can compare them with what is committed without writing anything.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface GeneratedFile {
  path: string;
  content: string;
}

export function writeGeneratedFiles(files: readonly GeneratedFile[]): string[] {
  for (const file of files) {
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileSync(file.path, file.content);
  }
  return files.map((file) => file.path);
}

/** Two-space JSON with a final newline, as prettier would leave it. */
export function toJsonFile(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

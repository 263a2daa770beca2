/** A real pino logger writing to memory, so tests can read the lines it wrote. */
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/logging/logger.ts';

export interface CapturedLogs {
  logger: Logger;
  /** Everything written so far, as one text. */
  text(): string;
  lines(): Array<Record<string, unknown>>;
}

export function captureLogs(level = 'debug'): CapturedLogs {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = createLogger({ level, destination });
  const text = () => chunks.join('');
  return {
    logger,
    text,
    lines: () =>
      text()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

/**
 * Operator logs: one JSON line per event (pino). Levels mean:
 * - error: incident-bridge could not do what it was asked and a person should look;
 * - warn: a sync was degraded (a field not carried, a retry budget spent) but nothing was lost;
 * - info: one line per request and per sync decision;
 * - debug: the detail of remote calls, for troubleshooting.
 * A retry that recovers is not a warning. Secrets are kept out by construction: loggers receive
 * chosen fields, never raw requests, headers or remote bodies.
 */
import { pino, type Logger } from 'pino';

export type { Logger };

export interface LoggerOptions {
  level?: string;
  /** Where lines go; defaults to stdout. Tests pass a stream to read them back. */
  destination?: NodeJS.WritableStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? process.env['LOG_LEVEL'] ?? 'info';
  const settings = {
    level,
    base: { service: 'incident-bridge' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}

/** A logger that drops everything, for code paths that take one optionally. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

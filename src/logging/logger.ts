/**
 * Operator logs: one JSON line per event (pino). Levels mean:
 * - error: incident-bridge could not do what it was asked and a person should look;
 * - warn: a sync was degraded (a field not carried, a retry budget spent) but nothing was lost;
 * - info: one line per request and per sync decision;
 * - debug: the detail of remote calls, for troubleshooting.
 * A retry that recovers is not a warning. Secrets are kept out twice: loggers receive chosen
 * fields, never raw requests, headers or remote bodies; and every line passes an allowlist
 * (`redactLogFields`) that withholds any other field and scrubs tokens, keys and URL secrets.
 */
import { pino, type Logger, type LoggerOptions as PinoOptions } from 'pino';
import { redactLogFields, scrubText } from './redactLogFields.ts';

export type { Logger };

export interface LoggerOptions {
  level?: string;
  /** Where lines go; defaults to stdout. Tests pass a stream to read them back. */
  destination?: NodeJS.WritableStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? process.env['LOG_LEVEL'] ?? 'info';
  const settings: PinoOptions = {
    level,
    base: { service: 'incident-bridge' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // The allowlist shapes `err` itself; pino's serializer would copy every enumerable part.
    serializers: { err: (value: unknown) => value },
    formatters: {
      level: (label: string) => ({ level: label }),
      log: (fields) => redactLogFields(fields),
    },
    hooks: {
      logMethod(args, method) {
        const scrubbed = args.map((arg: unknown) =>
          typeof arg === 'string' ? scrubText(arg) : arg,
        );
        method.apply(this, scrubbed as Parameters<typeof method>);
      },
    },
  };
  const logger = options.destination ? pino(settings, options.destination) : pino(settings);
  return redactChildBindings(logger);
}

/**
 * pino writes a child's bindings without passing them through the log formatter, so they
 * are redacted here. Children inherit this `child` from the root, grandchildren included.
 */
function redactChildBindings(logger: Logger): Logger {
  const child = logger.child;
  logger.child = function redactedChild(this: Logger, bindings, childOptions) {
    return child.call(this, redactLogFields(bindings), childOptions);
  } as Logger['child'];
  return logger;
}

/** A logger that drops everything, for code paths that take one optionally. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

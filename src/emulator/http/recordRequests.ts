/**
 * Records every ARM, Graph and Entra ID request in the request log once its answer is done
 * (or lost), stamps the request-id header each API sends, and optionally prints one line
 * per request to stderr for the sandbox.
 */
import type { RequestHandler, Response } from 'express';

import type { EmulatorContext } from '../emulatorContext.ts';
import { newGuid } from '../ids.ts';
import type { RequestLogEntry } from '../requestLog.ts';
import { formatDate } from '../timestamps.ts';
import { apiOfPath, type RequestApi } from './apiOfRequest.ts';

/** What a request's handlers leave in `res.locals` for the recorder. */
export interface RequestNotes {
  api: RequestApi;
  clientId?: string;
  fault?: { ruleId: string; kind: string };
}

export function notesOf(res: Response): RequestNotes {
  return res.locals as RequestNotes;
}

export function recordRequests(context: EmulatorContext, printToStderr: boolean): RequestHandler {
  return (req, res, next) => {
    const path = req.originalUrl.split('?')[0] ?? '/';
    const api = apiOfPath(path);
    const notes = notesOf(res);
    notes.api = api;
    if (api === 'control') return next();

    res.setHeader(api === 'graph' ? 'request-id' : 'x-ms-request-id', newGuid());
    const time = formatDate(context.clock());
    const apiVersion = req.query['api-version'];

    // Recorded as the handler ends its answer, before any byte can reach the client, so a
    // test that reads the log right after a call finds the call there. 'close' covers
    // answers that never end (a hang, a destroyed connection, a lost response).
    let recorded = false;
    const record = (status: number) => {
      if (recorded) return;
      recorded = true;
      const entry: Omit<RequestLogEntry, 'sequence'> = {
        time,
        api,
        method: req.method,
        path,
        status,
        ...(typeof apiVersion === 'string' ? { apiVersion } : {}),
        ...(notes.fault ? { fault: notes.fault } : {}),
        ...(notes.clientId ? { clientId: notes.clientId } : {}),
      };
      context.requests.record(entry);
      if (printToStderr) process.stderr.write(describe(entry));
    };

    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    res.end = ((...args: unknown[]) => {
      record(res.statusCode);
      return end(...args);
    }) as Response['end'];
    res.once('close', () => {
      const lost = notes.fault?.kind === 'lostResponse';
      record(res.headersSent || lost ? res.statusCode : 0);
    });
    next();
  };
}

function describe(entry: Omit<RequestLogEntry, 'sequence'>): string {
  const fault = entry.fault ? ` [fault ${entry.fault.kind}]` : '';
  const request = `${entry.api} ${entry.method} ${entry.path}`;
  return `[emulator] ${entry.time} ${request} -> ${entry.status}${fault}\n`;
}

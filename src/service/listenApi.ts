/**
 * Serves the API app over HTTP with Node's own limits set: headers must arrive within 10 s
 * and the whole request within the API timeout plus a margin (the API's 504 comes first), so
 * a client sending a byte at a time cannot hold sockets open; requests Node's parser refuses
 * are answered as problems too.
 */
import { createServer, type Server } from 'node:http';
import type { Express } from 'express';
import { answerClientError } from '../../api/clientErrors.ts';

export interface ListenApiOptions {
  port: number;
  host: string;
  requestTimeoutMs: number;
}

export async function listenApi(app: Express, options: ListenApiOptions): Promise<Server> {
  const server = createServer(app);
  server.headersTimeout = 10_000;
  server.requestTimeout = options.requestTimeoutMs + 5_000;
  server.keepAliveTimeout = 5_000;
  server.on('clientError', answerClientError);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

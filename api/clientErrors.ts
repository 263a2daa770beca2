/**
 * Answers for requests Node's HTTP parser refuses before Express sees them (a request line or
 * headers past the size limit, broken HTTP, a client too slow to send its request). Node
 * would answer with a bare status; these are problem+json like every other error.
 */
import type { Duplex } from 'node:stream';
import { ProblemError } from './problems/problemError.ts';

export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }

  const problem = problemOf(error.code);
  const body = JSON.stringify(problem.toBody());
  socket.end(
    `HTTP/1.1 ${problem.status} ${reasonOf(problem.status)}\r\n` +
      'Content-Type: application/problem+json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}

function problemOf(code: string | undefined): ProblemError {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return new ProblemError(
      'headers_too_large',
      'The request line and headers must fit in 16 KiB; send long values in a body.',
    );
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return new ProblemError('request_too_slow', 'The request was not received in time.');
  }
  return new ProblemError('request_malformed', 'The request is not valid HTTP/1.1.');
}

function reasonOf(status: number): string {
  if (status === 431) return 'Request Header Fields Too Large';
  if (status === 408) return 'Request Timeout';
  return 'Bad Request';
}

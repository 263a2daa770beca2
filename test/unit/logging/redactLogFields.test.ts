import { describe, expect, it } from 'vitest';
import { captureLogs } from '../../support/capturedLogs.ts';

const CALLBACK_URL =
  'https://prod-12.westeurope.logic.azure.com:443/workflows/1f0e/triggers/manual/paths/invoke' +
  '?api-version=2016-10-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=Zx9SecretSignature_abc123';
const JWT =
  'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0aWQiOiJ0ZW5hbnQiLCJvaWQiOiJvYmplY3QifQ.c2lnbmF0dXJl';

describe('log redaction by allowlist', () => {
  it('withholds fields that are not on the allowlist, whatever they hold', () => {
    const logs = captureLogs();
    logs.logger.info(
      {
        requestId: 'r-1',
        headers: { authorization: `Bearer ${JWT}` },
        body: { clientSecret: 's3cret' },
        apiKey: 'ib_abcdefghijklmnopqrstuvwx',
      },
      'request',
    );

    const [line] = logs.lines();
    expect(line).toMatchObject({
      requestId: 'r-1',
      headers: '[redacted]',
      body: '[redacted]',
      apiKey: '[redacted]',
    });
    expect(logs.text()).not.toMatch(/s3cret|eyJ|ib_abc/);
  });

  it('keeps only the named parts of an error and scrubs its message and stack', () => {
    const logs = captureLogs();
    const error = Object.assign(new Error(`POST ${CALLBACK_URL} failed with Bearer ${JWT}`), {
      code: 'ECONNRESET',
      request: { headers: { 'x-api-key': 'ib_abcdefghijklmnopqrstuvwx' } },
    });
    logs.logger.error({ err: error }, 'request failed');

    const [line] = logs.lines();
    const err = line?.['err'] as Record<string, unknown>;
    expect(Object.keys(err).sort()).toEqual(['code', 'message', 'name', 'stack', 'type']);
    expect(err['message']).toContain('sig=[redacted]');
    expect(err['message']).toContain('Bearer [redacted]');
    expect(err['message']).toContain('api-version=2016-10-01');
    expect(logs.text()).not.toMatch(/Zx9Secret|eyJhbGci|ib_abcdefgh/);
  });

  it('scrubs secrets from messages, encoded callback URLs and lists', () => {
    const logs = captureLogs();
    logs.logger.warn(
      { path: `/api/v1/${encodeURIComponent(CALLBACK_URL)}`, pairs: [CALLBACK_URL, 'plain'] },
      `callback ${CALLBACK_URL} answered 500`,
    );

    expect(logs.text()).not.toContain('Zx9SecretSignature');
    const [line] = logs.lines();
    expect(line?.['pairs']).toEqual([expect.stringContaining('sig=[redacted]'), 'plain']);
    expect(String(line?.['msg'])).toContain('&sig=[redacted]');
    expect(String(line?.['path'])).toContain('sig%3D[redacted]');
  });

  it('applies to the bindings of child loggers too', () => {
    const logs = captureLogs();
    logs.logger.child({ linkId: 'l-1', token: JWT }).info('child line');

    expect(logs.lines()[0]).toMatchObject({ linkId: 'l-1', token: '[redacted]' });
  });
});

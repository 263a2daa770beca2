/**
 * A `fetch` for the OpenID metadata and signing keys, sent through the same transport as the
 * Azure clients (`@azure/core-rest-pipeline`), so an extra trusted CA (the sandbox emulator's)
 * applies to it too. jose takes it as its custom fetch.
 */
import {
  createDefaultHttpClient,
  createHttpHeaders,
  createPipelineFromOptions,
  createPipelineRequest,
} from '@azure/core-rest-pipeline';
import type { TransportOptions } from '../clients/transportOptions.ts';

export type TransportFetch = (
  url: string,
  options: { headers?: Headers; signal?: AbortSignal },
) => Promise<Response>;

/** Statuses whose answers have no body; `new Response` refuses one for them. */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

export function transportFetch(transport: TransportOptions, timeoutMs = 5000): TransportFetch {
  const pipeline = createPipelineFromOptions({ ...transport, retryOptions: { maxRetries: 1 } });
  const client = createDefaultHttpClient();

  return async (url, options) => {
    const headers: Record<string, string> = {};
    options.headers?.forEach((value, name) => {
      headers[name] = value;
    });
    const request = createPipelineRequest({
      url,
      method: 'GET',
      headers: createHttpHeaders(headers),
      abortSignal: options.signal,
      timeout: timeoutMs,
    });

    const response = await pipeline.sendRequest(client, request);
    const body = NULL_BODY_STATUSES.has(response.status) ? null : (response.bodyAsText ?? '');
    return new Response(body, { status: response.status, headers: response.headers.toJSON() });
  };
}

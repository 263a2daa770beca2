/**
 * The Azure SDK deserialises responses into its own models, which turn timestamps into `Date`
 * (losing Sentinel's seven-digit fractions) and drop properties newer than the SDK's
 * api-version (e.g. `additionalData.techniques`). incident-bridge keeps the SDK for transport,
 * authentication, api-version and paging, and reads the wire JSON the service actually sent.
 */
import type { FullOperationResponse, OperationOptions } from '@azure/core-client';

export interface RawBodyCapture {
  options: OperationOptions;
  /** The last response body seen, parsed; undefined before any response. */
  body(): unknown;
}

export function captureRawBody(options: OperationOptions = {}): RawBodyCapture {
  let last: unknown;
  const onResponse = (raw: FullOperationResponse): void => {
    last = raw.bodyAsText ? JSON.parse(raw.bodyAsText) : undefined;
  };
  return { options: { ...options, onResponse }, body: () => last };
}

/**
 * Transport settings shared by every Azure client incident-bridge creates: the Sentinel SDK
 * client, the Graph client and the credentials. The one setting today is an extra trusted CA,
 * which is how the SDK clients trust the sandbox emulator's certificate (the Azure SDK refuses
 * bearer tokens over plain HTTP).
 */
import { readFileSync } from 'node:fs';
import type { TlsSettings } from '@azure/core-rest-pipeline';

export interface TransportOptions {
  tlsOptions?: TlsSettings;
}

export function transportOptions(trustedCaCertPem?: string): TransportOptions {
  return trustedCaCertPem ? { tlsOptions: { ca: trustedCaCertPem } } : {};
}

export function transportOptionsFromFile(trustedCaCertPath?: string): TransportOptions {
  return transportOptions(trustedCaCertPath ? readFileSync(trustedCaCertPath, 'utf8') : undefined);
}

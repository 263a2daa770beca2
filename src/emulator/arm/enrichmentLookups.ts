/**
 * Sentinel's resource-group scoped enrichment lookups: IP geodata
 * (`…/enrichment/ip/geodata/?ipAddress=`) and domain whois (`…/enrichment/domain/whois/?domain=`).
 * They answer from the seed's `enrichment` tables; an unknown value is 404, a missing or
 * malformed one 400, as the service documents.
 */
import type { RequestHandler } from 'express';

import type { EmulatorContext } from '../emulatorContext.ts';
import { sendArmBadRequest, sendArmError } from './armErrors.ts';

const IPV4 = /^(\d{1,3})(\.\d{1,3}){3}$/;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/i;

function isIpAddress(value: string): boolean {
  if (IPV4.test(value)) return value.split('.').every((part) => Number(part) <= 255);
  return value.includes(':') && /^[0-9a-f:.]+$/i.test(value);
}

export function getIpGeodata(context: EmulatorContext): RequestHandler {
  return (req, res) => {
    const address = String(req.query['ipAddress'] ?? '');
    if (!isIpAddress(address))
      return sendArmBadRequest(res, 'The IP address was not provided or is invalid.');
    const geodata = context.state.ipGeodata(address);
    if (!geodata)
      return sendArmError(res, 404, 'NotFound', `No geolocation data for '${address}'.`);
    res.json(geodata);
  };
}

export function getDomainWhois(context: EmulatorContext): RequestHandler {
  return (req, res) => {
    const domain = String(req.query['domain'] ?? '');
    if (!DOMAIN.test(domain))
      return sendArmBadRequest(res, 'The domain was not provided or is invalid.');
    const whois = context.state.domainWhois(domain);
    if (!whois) return sendArmError(res, 404, 'NotFound', `No whois record for '${domain}'.`);
    res.json(whois);
  };
}

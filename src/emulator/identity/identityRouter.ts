/**
 * Route table of the emulated Entra ID (login.microsoftonline.com) endpoints.
 */
import express, { Router } from 'express';

import type { EmulatorContext } from '../emulatorContext.ts';
import {
  getInstanceDiscovery,
  getOpenIdConfiguration,
  getOpenIdConfigurationV1,
  getSigningKeys,
} from './discoveryDocuments.ts';
import { postToken } from './tokenEndpoint.ts';

export function identityRouter(context: EmulatorContext): Router {
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: '64kb' });

  router.get('/common/discovery/instance', getInstanceDiscovery(context));
  router.get('/:tenant/v2.0/.well-known/openid-configuration', getOpenIdConfiguration(context));
  router.get('/:tenant/discovery/v2.0/keys', getSigningKeys(context));
  router.get('/:tenant/.well-known/openid-configuration', getOpenIdConfigurationV1(context));
  router.get('/:tenant/discovery/keys', getSigningKeys(context));
  router.post('/:tenant/oauth2/v2.0/token', form, postToken(context));

  return router;
}

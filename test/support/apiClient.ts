/**
 * The supertest client every API test uses. Requests it makes carry whatever a legitimate
 * caller must send (the test API key, holding every role), so tests that are not about
 * authentication need not repeat it. Tests about authentication use supertest directly.
 */
import type { Server } from 'node:http';
import request from 'supertest';
import type { Express } from 'express';
import { TEST_API_KEY } from './testCredentials.ts';

export function api(app: Express | Server) {
  return request.agent(app).set('X-API-Key', TEST_API_KEY);
}

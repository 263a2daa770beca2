/**
 * The supertest client every API test uses. Requests it makes carry whatever a legitimate
 * caller must send, so tests that are not about authentication need not repeat it.
 */
import request from 'supertest';
import type { Express } from 'express';

export function api(app: Express) {
  return request(app);
}

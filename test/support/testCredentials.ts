/**
 * The credential API tests send when they are not about authentication: one API key holding
 * every role, configured by `offlineServices` and the sandbox harness.
 */
import { API_ROLES } from '../../src/auth/apiRoles.ts';
import { hashApiKey } from '../../src/auth/apiKeys.ts';

export const TEST_API_KEY = 'ib_test-key-for-every-role-0123456789';

export const TEST_API_KEY_ID = 'tests';

/** An `auth.apiKeys` entry for the test key. */
export function testApiKeyConfig() {
  return { id: TEST_API_KEY_ID, sha256: hashApiKey(TEST_API_KEY), roles: [...API_ROLES] };
}

/** Limits high enough that suites sending thousands of requests are never throttled. */
export const TEST_LIMITS = { requestsPerMinute: 1_000_000, failedAuthPerMinute: 1_000_000 };

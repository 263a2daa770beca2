import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEPLOY_ROOT } from '../../src/deploy/deployFiles.ts';

const SCRIPT = join(DEPLOY_ROOT, 'grant-permissions.sh');

/**
 * A stand-in `az` that answers service principal look-ups and records every call, so the
 * script's Graph calls can be checked without a tenant. Existing assignments come from
 * FAKE_EXISTING_ROLE.
 */
const FAKE_AZ = `#!/usr/bin/env bash
echo "$*" >> "$FAKE_AZ_LOG"
if [[ "$1 $2 $3" == "ad sp show" ]]; then
  if [[ "$*" == *"--query id "* ]]; then echo "sp-$5"; exit 0; fi
  role=$(sed -E "s/.*value=='([^']+)'.*/\\1/" <<< "$*")
  [[ "$role" == "Missing.Role" ]] || echo "role-$role"
  exit 0
fi
if [[ "$1" == "rest" && "$3" == "GET" ]]; then
  [[ -n "\${FAKE_EXISTING_ROLE:-}" && "$*" == *"$FAKE_EXISTING_ROLE"* ]] && echo "assignment-1"
  exit 0
fi
exit 0
`;

let folder: string;
let log: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'grant-permissions-'));
  log = join(folder, 'calls.log');
  writeFileSync(join(folder, 'az'), FAKE_AZ);
  chmodSync(join(folder, 'az'), 0o755);
  writeFileSync(log, '');
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync('bash', [SCRIPT, ...args], {
    encoding: 'utf8',
    env: {
      ...process.env,
      PATH: `${folder}:${process.env['PATH'] ?? ''}`,
      FAKE_AZ_LOG: log,
      ...env,
    },
  });
  const posts = readFileSync(log, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('rest --method POST'));
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, posts };
}

describe('grant-permissions.sh', () => {
  it('grants the two Graph application roles to the API identity', () => {
    const result = run(['--api-identity', 'api-mi']);

    expect(result.status).toBe(0);
    expect(result.posts).toHaveLength(2);
    expect(result.posts[0]).toContain(
      '{"principalId":"api-mi","resourceId":"sp-00000003-0000-0000-c000-000000000000","appRoleId":"role-SecurityIncident.ReadWrite.All"}',
    );
    expect(result.posts[1]).toContain('"appRoleId":"role-User.Read.All"');
    expect(result.posts[0]).toContain('/servicePrincipals/api-mi/appRoleAssignments');
  });

  it('keeps an assignment that already exists instead of posting it again', () => {
    const result = run(['--api-identity', 'api-mi'], {
      FAKE_EXISTING_ROLE: 'role-SecurityIncident.ReadWrite.All',
    });

    expect(result.status).toBe(0);
    expect(result.posts).toHaveLength(1);
    expect(result.stdout).toContain('kept    SecurityIncident.ReadWrite.All for api-mi');
  });

  it('grants the incident-bridge app role to each playbook identity', () => {
    const result = run([
      '--playbook-identity',
      'pb-1',
      '--playbook-identity',
      'pb-2',
      '--api-app-id',
      'bridge-app',
    ]);

    expect(result.status).toBe(0);
    expect(result.posts.map((post) => /"principalId":"([^"]+)"/.exec(post)?.[1])).toEqual([
      'pb-1',
      'pb-2',
    ]);
    expect(result.posts[0]).toContain(
      '"resourceId":"sp-bridge-app","appRoleId":"role-Incidents.Sync"',
    );
  });

  it('refuses a playbook identity without the API app, and an unknown role', () => {
    expect(run(['--playbook-identity', 'pb-1']).status).toBe(2);

    const missing = run([
      '--playbook-identity',
      'pb-1',
      '--api-app-id',
      'a',
      '--role',
      'Missing.Role',
    ]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('has no app role Missing.Role');
    expect(missing.posts).toEqual([]);
  });
});

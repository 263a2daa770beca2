import { describe, expect, it } from 'vitest';

import { sentinelClient } from './support/clients.ts';
import { useEmulator } from './support/emulatorFixture.ts';
import { sentinelIncidentName, WORKSPACE } from './support/testSeed.ts';

const emulator = useEmulator();

describe('the request log', () => {
  it('holds a call as soon as the client has its answer, not one event later', async () => {
    const client = sentinelClient(emulator());
    const { resourceGroupName, workspaceName } = WORKSPACE;

    for (let call = 1; call <= 25; call += 1) {
      await client.incidents.get(resourceGroupName, workspaceName, sentinelIncidentName(1));
      expect(emulator().requests.entries({ api: 'arm' }), `after call ${call}`).toHaveLength(call);
    }
  });
});

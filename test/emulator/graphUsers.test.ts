import { describe, expect, it } from 'vitest';

import { graphCaller } from './support/clients.ts';
import { useEmulator } from './support/emulatorFixture.ts';
import { USERS } from './support/testSeed.ts';

const emulator = useEmulator();
const graph = () => graphCaller(emulator());

describe('Graph users', () => {
  it('finds a user by object id with the default property set', async () => {
    const answer = await graph().send('GET', `/v1.0/users/${USERS.analyst.id}`);

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      id: USERS.analyst.id,
      userPrincipalName: USERS.analyst.userPrincipalName,
      mail: USERS.analyst.mail,
      displayName: USERS.analyst.displayName,
      businessPhones: [],
      givenName: null,
    });
    expect(answer.body).not.toHaveProperty('department');
  });

  it('finds a user by UPN ignoring case', async () => {
    const answer = await graph().send('GET', '/v1.0/users/RIN.Analyst@Fabrikam-Test.example');
    expect((answer.body as { id: string }).id).toBe(USERS.analyst.id);
  });

  it('finds a guest by its #EXT# UPN sent URL-encoded', async () => {
    const upn = encodeURIComponent(USERS.guest.userPrincipalName);
    const answer = await graph().send('GET', `/v1.0/users/${upn}`);

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: USERS.guest.id, mail: 'partner@x.example' });
  });

  it('answers only the properties named in $select', async () => {
    const answer = await graph().send(
      'GET',
      `/v1.0/users/${USERS.analyst.id}?$select=id,department,accountEnabled`,
    );

    expect(answer.body).toEqual({
      '@odata.context':
        `${emulator().url}/v1.0/$metadata#users(id,department,accountEnabled)` + '/$entity',
      id: USERS.analyst.id,
      department: 'SOC',
      accountEnabled: true,
    });
  });

  it('answers an unknown user with 404 Request_ResourceNotFound', async () => {
    const answer = await graph().send('GET', '/v1.0/users/nobody@fabrikam-test.example');

    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ error: { code: 'Request_ResourceNotFound' } });
  });

  it('filters users by mail or userPrincipalName, ignoring case', async () => {
    const byMail = await graph().send('GET', "/v1.0/users?$filter=mail eq 'PARTNER@x.example'");
    const byUpn = await graph().send(
      'GET',
      `/v1.0/users?$filter=userPrincipalName eq '${USERS.lead.userPrincipalName.toUpperCase()}'`,
    );

    const ids = (answer: { body: unknown }) =>
      (answer.body as { value: Array<{ id: string }> }).value.map((user) => user.id);
    expect(ids(byMail)).toEqual([USERS.guest.id]);
    expect(ids(byUpn)).toEqual([USERS.lead.id]);
  });

  it('refuses filters on other properties and unknown $select names', async () => {
    const filter = await graph().send('GET', "/v1.0/users?$filter=department eq 'SOC'");
    const select = await graph().send('GET', `/v1.0/users/${USERS.lead.id}?$select=shoeSize`);

    expect(filter.status).toBe(400);
    expect(select.status).toBe(400);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '../../support/identity.ts';
import { startGroupsHarness, type GroupsHarness } from './group-test-support.ts';

/** Deleting an account never leaves a group that has members without an admin. */
describe('account deletion and group admins', () => {
  let harness: GroupsHarness;

  beforeAll(async () => {
    harness = await startGroupsHarness();
  }, 60_000);

  afterAll(async () => {
    await harness.close();
  });

  const deleteAccount = (user: TestUser) =>
    harness.api(user, 'DELETE', '/v1/account', { confirm: user.username });

  it('should refuse with 409 LAST_ADMIN, listing the groups, while the user is the only admin of a group with members', async () => {
    const admin = await harness.user();
    const member = await harness.user();
    const team = await harness.createGroup(admin, 'Deletion team');
    await harness.addMember(admin, team, member);

    const refused = await deleteAccount(admin);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({
      error: { code: 'LAST_ADMIN', details: { groups: [{ id: team, name: 'Deletion team' }] } },
    });
    expect((await harness.api(admin, 'GET', '/v1/account')).status).toBe(200);
    expect(await harness.testApp.deps.services.audit.list({ action: 'account.delete', limit: 5 })).toEqual(
      [],
    );

    // Promote the member: now the account can go, and the group keeps its (new) admin.
    const promoted = await harness.api(admin, 'PUT', `/v1/groups/${team}/members/${member.id}`, {
      role: 'admin',
    });
    expect(promoted.status).toBe(200);
    expect((await deleteAccount(admin)).status).toBe(204);
    const members = (await (await harness.api(member, 'GET', `/v1/groups/${team}/members`)).json()) as {
      items: { userId: string; role: string }[];
    };
    expect(members.items).toEqual([expect.objectContaining({ userId: member.id, role: 'admin' })]);
  });

  it('should delete the groups where the user is the only member, handing others’ documents back', async () => {
    const admin = await harness.user();
    const former = await harness.user();
    const solo = await harness.createGroup(admin, 'Deletion solo');
    await harness.addMember(admin, solo, former);
    const left = await harness.upload(former, 'left.txt', 'The deletionheron nests here.', { groupId: solo });
    expect((await harness.api(former, 'DELETE', `/v1/groups/${solo}/members/${former.id}`)).status).toBe(204);

    expect((await deleteAccount(admin)).status).toBe(204);
    const platformAdmin = await harness.user({ role: 'admin' });
    expect((await harness.api(platformAdmin, 'GET', `/v1/groups/${solo}`)).status).toBe(404);
    const document = (await (await harness.api(former, 'GET', `/v1/documents/${left}`)).json()) as {
      document: { groupId: string | null };
    };
    expect(document.document.groupId).toBeNull();
    expect(await harness.search(former, 'deletionheron')).toEqual([left]);
    const deleted = await harness.testApp.deps.services.audit.list({ action: 'group.delete', limit: 5 });
    expect(deleted.find((event) => event.targetId === solo)).toMatchObject({
      details: { name: 'Deletion solo' },
    });
  }, 60_000);

  it('should let one of two admins delete their account', async () => {
    const first = await harness.user();
    const second = await harness.user();
    const team = await harness.createGroup(first, 'Deletion pair');
    await harness.addMember(first, team, second, 'admin');
    expect((await deleteAccount(first)).status).toBe(204);
    expect((await harness.api(second, 'GET', `/v1/groups/${team}`)).status).toBe(200);
  });
});

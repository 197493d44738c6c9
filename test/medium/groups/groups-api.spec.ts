import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '../../support/identity.ts';
import { startGroupsHarness, type GroupsHarness } from './group-test-support.ts';

interface GroupBody {
  id: string;
  name: string;
  memberCount: number;
  myRole: 'admin' | 'member' | null;
}

const errorCode = async (response: Response) =>
  ((await response.json()) as { error: { code: string } }).error.code;

/** The group rules over HTTP: roles, the last admin, leaving, 404 for outsiders, bad input, audit. */
describe('groups API', () => {
  let harness: GroupsHarness;
  let admin: TestUser;
  let alice: TestUser;
  let bob: TestUser;
  let outsider: TestUser;
  let platformAdmin: TestUser;

  beforeAll(async () => {
    harness = await startGroupsHarness();
    admin = await harness.user();
    alice = await harness.user();
    bob = await harness.user();
    outsider = await harness.user();
    platformAdmin = await harness.user({ role: 'admin' });
  }, 60_000);

  afterAll(async () => {
    await harness.close();
  });

  it('should make the creator admin and list my groups with member count and role', async () => {
    const created = await harness.api(admin, 'POST', '/v1/groups', { name: 'Research', description: 'R&D' });
    expect(created.status).toBe(201);
    const group = (await created.json()) as GroupBody;
    expect(group).toMatchObject({ name: 'Research', memberCount: 1, myRole: 'admin' });
    await harness.addMember(admin, group.id, alice);
    const mine = (await (await harness.api(alice, 'GET', '/v1/groups/me')).json()) as { items: GroupBody[] };
    expect(mine.items).toEqual([expect.objectContaining({ id: group.id, memberCount: 2, myRole: 'member' })]);
    const duplicate = await harness.api(bob, 'POST', '/v1/groups', { name: 'research' });
    expect(duplicate.status).toBe(409);
    expect(await errorCode(duplicate)).toBe('GROUP_NAME_TAKEN');
  });

  it('should answer 404 (never 403) to someone who is not a member, for every group route', async () => {
    const group = await harness.createGroup(admin, 'Hidden');
    for (const [method, path, body] of [
      ['GET', `/v1/groups/${group}`],
      ['PUT', `/v1/groups/${group}`, { name: 'Taken over' }],
      ['DELETE', `/v1/groups/${group}`],
      ['GET', `/v1/groups/${group}/members`],
      ['POST', `/v1/groups/${group}/members`, { userId: outsider.id }],
      ['PUT', `/v1/groups/${group}/members/${admin.id}`, { role: 'member' }],
      ['DELETE', `/v1/groups/${group}/members/${admin.id}`],
      ['GET', `/v1/groups/${group}/documents`],
    ] as const) {
      const response = await harness.api(outsider, method, path, body);
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(await errorCode(response)).toBe('GROUP_NOT_FOUND');
    }
    const missing = await harness.api(admin, 'GET', '/v1/groups/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
  });

  it('should let only group admins manage; members get 403 GROUP_ADMIN_REQUIRED', async () => {
    const group = await harness.createGroup(admin, 'Managed');
    await harness.addMember(admin, group, alice);
    const rename = await harness.api(alice, 'PUT', `/v1/groups/${group}`, { name: 'Mine now' });
    expect(rename.status).toBe(403);
    expect(await errorCode(rename)).toBe('GROUP_ADMIN_REQUIRED');
    expect((await harness.api(alice, 'POST', `/v1/groups/${group}/members`, { userId: bob.id })).status).toBe(
      403,
    );
    expect((await harness.api(alice, 'DELETE', `/v1/groups/${group}`)).status).toBe(403);
    const renamed = await harness.api(admin, 'PUT', `/v1/groups/${group}`, { name: 'Managed 2' });
    expect(renamed.status).toBe(200);
    expect(((await renamed.json()) as GroupBody).name).toBe('Managed 2');
    const promoted = await harness.api(admin, 'PUT', `/v1/groups/${group}/members/${alice.id}`, {
      role: 'admin',
    });
    expect(promoted.status).toBe(200);
    expect((await harness.api(alice, 'POST', `/v1/groups/${group}/members`, { userId: bob.id })).status).toBe(
      201,
    );
  });

  it('should reject bad input: invalid role 400, adding twice 409, unknown user 404', async () => {
    const group = await harness.createGroup(admin, 'Strict');
    const badRole = await harness.api(admin, 'POST', `/v1/groups/${group}/members`, {
      userId: alice.id,
      role: 'owner',
    });
    expect(badRole.status).toBe(400);
    await harness.addMember(admin, group, alice);
    const twice = await harness.api(admin, 'POST', `/v1/groups/${group}/members`, { userId: alice.id });
    expect(twice.status).toBe(409);
    expect(await errorCode(twice)).toBe('ALREADY_MEMBER');
    const unknown = await harness.api(admin, 'POST', `/v1/groups/${group}/members`, {
      userId: '00000000-0000-4000-8000-000000000001',
    });
    expect(unknown.status).toBe(404);
    expect(await errorCode(unknown)).toBe('USER_NOT_FOUND');
    const badChange = await harness.api(admin, 'PUT', `/v1/groups/${group}/members/${alice.id}`, {
      role: 'superuser',
    });
    expect(badChange.status).toBe(400);
    expect((await harness.api(admin, 'POST', '/v1/groups', { name: '' })).status).toBe(400);
  });

  it('should never lose the last admin: demote, remove and leave are 409 LAST_ADMIN', async () => {
    const group = await harness.createGroup(admin, 'Kept');
    await harness.addMember(admin, group, alice);
    for (const [method, body] of [
      ['PUT', { role: 'member' }],
      ['DELETE', undefined],
    ] as const) {
      const response = await harness.api(admin, method, `/v1/groups/${group}/members/${admin.id}`, body);
      expect(response.status).toBe(409);
      expect(await errorCode(response)).toBe('LAST_ADMIN');
    }
    const byPlatformAdmin = await harness.api(
      platformAdmin,
      'DELETE',
      `/v1/groups/${group}/members/${admin.id}`,
    );
    expect(byPlatformAdmin.status).toBe(409);
    // Any member may leave; once someone else is admin, the former admin may leave too.
    expect((await harness.api(alice, 'DELETE', `/v1/groups/${group}/members/${alice.id}`)).status).toBe(204);
    await harness.addMember(admin, group, bob, 'admin');
    expect((await harness.api(admin, 'DELETE', `/v1/groups/${group}/members/${admin.id}`)).status).toBe(204);
    const members = (await (await harness.api(bob, 'GET', `/v1/groups/${group}/members`)).json()) as {
      items: { userId: string; role: string }[];
    };
    expect(members.items).toEqual([expect.objectContaining({ userId: bob.id, role: 'admin' })]);
  });

  it('should let platform admins list and manage every group without reading its documents', async () => {
    const group = await harness.createGroup(admin, 'Audited team');
    await harness.addMember(admin, group, alice);
    const secret = await harness.upload(alice, 'plan.txt', 'The zanzibarcodename plan ships in May.', {
      groupId: group,
      isPrivate: true,
    });
    const shared = await harness.upload(alice, 'notes.txt', 'Shared notes about the yuccafield.', {
      groupId: group,
    });
    const all = (await (await harness.api(platformAdmin, 'GET', '/v1/admin/groups')).json()) as {
      items: GroupBody[];
    };
    expect(all.items.map((item) => item.id)).toContain(group);
    expect((await harness.api(alice, 'GET', '/v1/admin/groups')).status).toBe(403);
    expect((await harness.api(platformAdmin, 'GET', `/v1/groups/${group}`)).status).toBe(200);
    expect((await harness.api(platformAdmin, 'GET', `/v1/groups/${group}/members`)).status).toBe(200);
    const documents = (await (
      await harness.api(platformAdmin, 'GET', `/v1/groups/${group}/documents`)
    ).json()) as {
      items: unknown[];
    };
    expect(documents.items).toEqual([]);
    expect(await harness.search(platformAdmin, 'zanzibarcodename')).toEqual([]);
    expect(await harness.search(platformAdmin, 'yuccafield')).toEqual([]);
    expect((await harness.api(platformAdmin, 'GET', `/v1/documents/${secret}`)).status).toBe(404);
    expect((await harness.api(platformAdmin, 'GET', `/v1/documents/${shared}`)).status).toBe(404);
    // Deleting the group leaves the documents with their owner.
    expect((await harness.api(platformAdmin, 'DELETE', `/v1/groups/${group}`)).status).toBe(204);
    expect((await harness.api(admin, 'GET', `/v1/groups/${group}`)).status).toBe(404);
    expect(await harness.search(alice, 'yuccafield')).toEqual([shared]);
    expect(await harness.search(admin, 'yuccafield')).toEqual([]);
  });

  it('should refuse uploads and moves into a group the uploader is not in', async () => {
    const group = await harness.createGroup(admin, 'Closed');
    const refused = await harness.api(outsider, 'POST', '/v1/documents/ingest', {
      url: 'https://example.com/',
      groupId: group,
    });
    expect(refused.status).toBe(403);
    expect(await errorCode(refused)).toBe('NOT_A_MEMBER');
    const unknown = await harness.api(outsider, 'POST', '/v1/documents/ingest', {
      url: 'https://example.com/',
      groupId: '00000000-0000-4000-8000-000000000002',
    });
    expect(unknown.status).toBe(404);
    const form = new FormData();
    form.append('file', new Blob(['hello']), 'a.txt');
    form.append('groupId', group);
    const upload = await fetch(`${harness.baseUrl}/v1/documents/upload`, {
      method: 'POST',
      headers: outsider.headers,
      body: form,
    });
    expect(upload.status).toBe(403);
    const own = await harness.upload(outsider, 'own.txt', 'An outsider keeps notes on the xylophonebird.');
    const moved = await harness.api(outsider, 'PATCH', `/v1/documents/${own}`, { groupId: group });
    expect(moved.status).toBe(403);
    expect(await errorCode(moved)).toBe('NOT_A_MEMBER');
  });

  it('should move documents between groups and change privacy, effective for the next search', async () => {
    const first = await harness.createGroup(admin, 'First');
    const second = await harness.createGroup(admin, 'Second');
    await harness.addMember(admin, first, alice);
    await harness.addMember(admin, second, alice);
    await harness.addMember(admin, first, bob);
    const document = await harness.upload(alice, 'moving.txt', 'The wanderingalbatross log.', {
      groupId: first,
    });
    expect(await harness.search(bob, 'wanderingalbatross')).toEqual([document]);
    const listed = (await (await harness.api(bob, 'GET', `/v1/documents?groupId=${first}`)).json()) as {
      items: { id: string; groupId: string; isPrivate: boolean }[];
    };
    expect(listed.items).toEqual([
      expect.objectContaining({ id: document, groupId: first, isPrivate: false }),
    ]);
    // Only the owner moves it or changes its privacy.
    expect((await harness.api(bob, 'PATCH', `/v1/documents/${document}`, { isPrivate: true })).status).toBe(
      403,
    );
    const moved = await harness.api(alice, 'PATCH', `/v1/documents/${document}`, { groupId: second });
    expect(moved.status).toBe(200);
    expect(await harness.search(bob, 'wanderingalbatross')).toEqual([]);
    await harness.api(alice, 'PATCH', `/v1/documents/${document}`, { groupId: first, isPrivate: true });
    expect(await harness.search(bob, 'wanderingalbatross')).toEqual([]);
    await harness.api(alice, 'PATCH', `/v1/documents/${document}`, { isPrivate: false });
    expect(await harness.search(bob, 'wanderingalbatross')).toEqual([document]);
    // The group's admin may take it out of the group, but not delete it or change anything else.
    expect((await harness.api(admin, 'PATCH', `/v1/documents/${document}`, { title: 'Mine' })).status).toBe(
      403,
    );
    expect((await harness.api(admin, 'DELETE', `/v1/documents/${document}`)).status).toBe(403);
    const removed = await harness.api(admin, 'PATCH', `/v1/documents/${document}`, { groupId: null });
    expect(removed.status).toBe(200);
    expect(await harness.search(bob, 'wanderingalbatross')).toEqual([]);
    expect(await harness.search(alice, 'wanderingalbatross')).toEqual([document]);
  });

  it('should revoke at once: a removed member loses the group documents on the very next search', async () => {
    const group = await harness.createGroup(admin, 'Revocable');
    await harness.addMember(admin, group, bob);
    const document = await harness.upload(admin, 'memo.txt', 'Quarterly memo about the obsidianharbor.', {
      groupId: group,
    });
    expect(await harness.search(bob, 'obsidianharbor')).toEqual([document]);
    expect(await harness.semantic(bob, 'obsidianharbor')).toEqual([document]);
    expect((await harness.api(admin, 'DELETE', `/v1/groups/${group}/members/${bob.id}`)).status).toBe(204);
    expect(await harness.search(bob, 'obsidianharbor')).toEqual([]);
    expect(await harness.semantic(bob, 'obsidianharbor')).toEqual([]);
    expect((await harness.api(bob, 'GET', `/v1/documents/${document}`)).status).toBe(404);
    expect((await harness.api(bob, 'GET', `/v1/groups/${group}`)).status).toBe(404);
  });

  it('should look users up by exact username or email only', async () => {
    const found = await harness.api(
      admin,
      'GET',
      `/v1/users/lookup?q=${encodeURIComponent(alice.username.toUpperCase())}`,
    );
    expect(found.status).toBe(200);
    const body = (await found.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['displayName', 'id', 'username']);
    expect(body).toMatchObject({ id: alice.id, username: alice.username });
    const partial = await harness.api(
      admin,
      'GET',
      `/v1/users/lookup?q=${encodeURIComponent(alice.username.slice(0, 4))}`,
    );
    expect(partial.status).toBe(404);
  });

  it('should write every group change to the audit log', async () => {
    const events = await harness.testApp.deps.services.audit.list({ limit: 500 });
    const actions = new Set(events.map((event) => event.action));
    for (const action of [
      'group.create',
      'group.update',
      'group.delete',
      'group.member-add',
      'group.member-role-change',
      'group.member-remove',
      'group.leave',
      'document.share',
    ]) {
      expect(actions, action).toContain(action);
    }
  });
});

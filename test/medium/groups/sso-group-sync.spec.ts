import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGroupsHarness, type GroupsHarness } from './group-test-support.ts';

/**
 * SSO group sync (`SSO_GROUP_SYNC=true`) over real HTTP: the test process is the trusted proxy
 * (loopback is in `TRUSTED_PROXIES`) and sends the forward-auth headers itself.
 */
describe('SSO-managed groups from the forward-auth groups header', () => {
  let harness: GroupsHarness;

  beforeAll(async () => {
    harness = await startGroupsHarness({
      env: { AUTH_FORWARD_ENABLED: 'true', TRUSTED_PROXIES: '127.0.0.1,::1', SSO_GROUP_SYNC: 'true' },
    });
  }, 60_000);

  afterAll(async () => {
    await harness.close();
  });

  /** Headers the SSO proxy would add for `username` in `groups`. */
  const sso = (username: string, groups: string[]) => ({
    'x-authentik-username': username,
    'x-authentik-groups': groups.join('|'),
  });

  const call = (headers: Record<string, string>, method: string, path: string, body?: unknown) =>
    fetch(`${harness.baseUrl}${path}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  const myGroups = async (headers: Record<string, string>) => {
    const response = await call(headers, 'GET', '/v1/groups/me');
    expect(response.status).toBe(200);
    return (
      (await response.json()) as { items: { id: string; name: string; myRole: string; source: string }[] }
    ).items;
  };

  const searchIds = async (headers: Record<string, string>, query: string) => {
    const response = await call(headers, 'POST', '/v1/search', { query, k: 20, mode: 'lexical' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { results: { documentId: string }[] };
    return [...new Set(body.results.map((result) => result.documentId))];
  };

  /** Uploads a text file into a group as a forward-auth user and waits for the index. */
  const uploadInto = async (headers: Record<string, string>, groupId: string, content: string) => {
    const form = new FormData();
    form.append('file', new Blob([content]), 'notes.txt');
    form.append('groupId', groupId);
    const response = await fetch(`${harness.baseUrl}/v1/documents/upload`, {
      method: 'POST',
      headers,
      body: form,
    });
    expect(response.status).toBe(202);
    const started = (await response.json()) as { run: { id: string }; documents: { id: string }[] };
    for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
      const run = (await (await call(headers, 'GET', `/v1/ingestion-runs/${started.run.id}`)).json()) as {
        status: string;
        finishedAt: string | null;
      };
      if (run.finishedAt !== null) {
        expect(run.status).toBe('succeeded');
        return started.documents[0]?.id ?? '';
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('ingestion timed out');
  };

  it('should create a group on first sight, share through it, and drop the membership at the next login without it', async () => {
    const alice = sso('alice.sso', ['Engineering', 'Ops']);
    const mine = await myGroups(alice);
    expect(mine.map((group) => [group.name, group.myRole, group.source]).sort()).toEqual([
      ['Engineering', 'member', 'sso'],
      ['Ops', 'member', 'sso'],
    ]);
    const engineering = mine.find((group) => group.name === 'Engineering')?.id ?? '';

    // Another spelling maps to the same group (names match case-insensitively).
    const bob = sso('bob.sso', ['ENGINEERING']);
    expect((await myGroups(bob)).map((group) => group.id)).toEqual([engineering]);
    const document = await uploadInto(bob, engineering, 'Runbook: the ssomarigold valve opens on Fridays.');
    expect(await searchIds(alice, 'ssomarigold')).toEqual([document]);

    // Alice's next request no longer lists Engineering: that very request already excludes it.
    const later = sso('alice.sso', ['Ops']);
    expect(await searchIds(later, 'ssomarigold')).toEqual([]);
    expect((await myGroups(later)).map((group) => group.name)).toEqual(['Ops']);
    expect((await call(later, 'GET', `/v1/documents/${document}`)).status).toBe(404);
    expect((await call(later, 'GET', `/v1/groups/${engineering}`)).status).toBe(404);
    // Bob, still listed, keeps it.
    expect(await searchIds(bob, 'ssomarigold')).toEqual([document]);

    const audit = harness.testApp.deps.services.audit;
    const created = await audit.list({ action: 'group.create', limit: 20 });
    expect(created.find((event) => event.targetId === engineering)).toMatchObject({
      actorLabel: 'sso-group-sync',
      details: { name: 'Engineering', source: 'sso' },
    });
    const removed = await audit.list({ action: 'group.member-remove', limit: 20 });
    expect(removed.find((event) => event.targetId === engineering)).toMatchObject({
      details: { source: 'sso' },
    });
  }, 90_000);

  it('should refuse manual membership changes on an SSO-managed group, even by a platform admin', async () => {
    const carol = sso('carol.sso', ['Design']);
    const [design] = await myGroups(carol);
    const admin = await harness.user({ role: 'admin' });
    const outsider = await harness.user();
    const codeOf = async (response: Response) => {
      expect(response.status).toBe(409);
      return ((await response.json()) as { error: { code: string } }).error.code;
    };
    const path = `/v1/groups/${design?.id ?? ''}/members`;
    expect(
      await codeOf(await harness.api(admin, 'POST', path, { userId: outsider.id, role: 'member' })),
    ).toBe('GROUP_MANAGED_BY_SSO');
    const carolId = (await harness.testApp.deps.services.users.getByUsername('carol.sso')).id;
    expect(await codeOf(await harness.api(admin, 'PUT', `${path}/${carolId}`, { role: 'admin' }))).toBe(
      'GROUP_MANAGED_BY_SSO',
    );
    expect(await codeOf(await call(carol, 'DELETE', `${path}/${carolId}`))).toBe('GROUP_MANAGED_BY_SSO');
    // Platform admins run SSO-managed groups (there are no group admins); members cannot.
    expect((await call(carol, 'PUT', `/v1/groups/${design?.id ?? ''}`, { description: 'x' })).status).toBe(
      403,
    );
    const renamed = await harness.api(admin, 'PUT', `/v1/groups/${design?.id ?? ''}`, {
      description: 'Synced from SSO',
    });
    expect(renamed.status).toBe(200);
  });

  it('should never touch a platform group that has the name of a header group', async () => {
    const owner = await harness.user();
    const finance = await harness.createGroup(owner, 'Finance');
    const dave = sso('dave.sso', ['finance', 'Sales']);
    expect((await myGroups(dave)).map((group) => group.name)).toEqual(['Sales']);
    const members = (await (await harness.api(owner, 'GET', `/v1/groups/${finance}/members`)).json()) as {
      items: { userId: string }[];
    };
    expect(members.items.map((member) => member.userId)).toEqual([owner.id]);
    // The owner still manages their platform group as before.
    const other = await harness.user();
    expect(
      (await harness.api(owner, 'POST', `/v1/groups/${finance}/members`, { userId: other.id })).status,
    ).toBe(201);
  });

  it('should ignore the groups header from an untrusted address', async () => {
    const response = await harness.testApp.app.inject({
      method: 'GET',
      url: '/v1/groups/me',
      remoteAddress: '203.0.113.9',
      headers: sso('mallory.sso', ['Spoofed']),
    });
    expect(response.statusCode).toBe(401);
    expect(await harness.testApp.deps.services.groups.lookupUser('mallory.sso').catch(() => null)).toBeNull();
    const admin = await harness.user({ role: 'admin' });
    const all = (await (await harness.api(admin, 'GET', '/v1/admin/groups?limit=100')).json()) as {
      items: { name: string }[];
    };
    expect(all.items.map((group) => group.name)).not.toContain('Spoofed');
  });
});

describe('SSO group sync with SSO_GROUP_PREFIX', () => {
  it('should map only the header groups with the prefix', async () => {
    const harness = await startGroupsHarness({
      env: {
        AUTH_FORWARD_ENABLED: 'true',
        TRUSTED_PROXIES: '127.0.0.1,::1',
        SSO_GROUP_SYNC: 'true',
        SSO_GROUP_PREFIX: 'yw-',
      },
    });
    try {
      const response = await fetch(`${harness.baseUrl}/v1/groups/me`, {
        headers: { 'x-authentik-username': 'erin.sso', 'x-authentik-groups': 'YW-Research,staff,admins' },
      });
      const body = (await response.json()) as { items: { name: string }[] };
      expect(body.items.map((group) => group.name)).toEqual(['YW-Research']);
    } finally {
      await harness.close();
    }
  }, 60_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf, createTestUser, type TestUser } from '../../support/identity.ts';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';

describe('chat sessions', () => {
  let database: TestDatabase;
  let testApp: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let sessionId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    testApp = await createTestApp({ database: database.handle });
    alice = await createTestUser(testApp);
    bob = await createTestUser(testApp);
    const chats = testApp.deps.services.chatSessions;
    const session = await chats.createSession(
      actorOf(alice),
      '  Wie spät ist es in 東京?  Bitte kurz.  ',
      null,
    );
    sessionId = session.id;
    await chats.appendUserMessage(session, 'Wie spät ist es in 東京? 🗼');
    await chats.appendAssistantTurn(session, {
      content: 'In Tokio ist es 21:00 Uhr.',
      status: 'complete',
      model: 'gpt-oss:20b',
      usage: { promptTokens: 120, completionTokens: 14 },
      toolRuns: [
        {
          step: 1,
          toolCallId: 'call_1',
          toolName: 'datetime__now',
          arguments: '{"timezone":"Asia/Tokyo"}',
          resultPreview: '2026-11-26T21:00:00+09:00',
          status: 'success',
          durationMs: 12,
          errorCode: null,
        },
      ],
    });
    await chats.appendUserMessage(session, 'Und in Rom?');
    await chats.appendAssistantTurn(session, {
      content: 'In Rom ist es',
      status: 'cancelled',
      model: 'gpt-oss:20b',
      usage: {},
      toolRuns: [],
    });
  });

  afterAll(async () => {
    await testApp.close();
    await database.destroy();
  });

  it('should keep message content, tool arguments and results encrypted at rest', async () => {
    const messages = await database.handle.db.selectFrom('chat_messages').select(['id', 'content']).execute();
    expect(messages).toHaveLength(4);
    for (const message of messages) {
      expect(message.content).toMatch(/^yw1:/);
      expect(message.content).not.toContain('Tokio');
      expect(message.content).not.toContain('東京');
    }
    const runs = await database.handle.db
      .selectFrom('tool_runs')
      .select(['arguments', 'result_preview'])
      .execute();
    expect(JSON.stringify(runs)).not.toContain('Asia/Tokyo');
  });

  it('should return the history decrypted, in order, with tool runs, usage and statuses', async () => {
    const response = await testApp.app.inject({
      method: 'GET',
      url: `/v1/sessions/${sessionId}`,
      headers: alice.headers,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      session: { title: string; model: string };
      messages: {
        role: string;
        content: string;
        status: string;
        usage: object;
        toolRuns: { toolName: string; arguments: string }[];
      }[];
    }>();
    expect(body.session.title).toBe('Wie spät ist es in 東京? Bitte kurz.');
    expect(body.session.model).toBe('gpt-oss:20b');
    expect(body.messages.map((message) => [message.role, message.content, message.status])).toEqual([
      ['user', 'Wie spät ist es in 東京? 🗼', 'complete'],
      ['assistant', 'In Tokio ist es 21:00 Uhr.', 'complete'],
      ['user', 'Und in Rom?', 'complete'],
      ['assistant', 'In Rom ist es', 'cancelled'],
    ]);
    expect(body.messages[1]?.usage).toEqual({ promptTokens: 120, completionTokens: 14 });
    expect(body.messages[1]?.toolRuns).toMatchObject([
      { toolName: 'datetime__now', arguments: '{"timezone":"Asia/Tokyo"}' },
    ]);
  });

  it("should answer 404 for another user's session on every route", async () => {
    for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
      const response = await testApp.app.inject({
        method,
        url: `/v1/sessions/${sessionId}`,
        headers: bob.headers,
        ...(method === 'PATCH' ? { payload: { title: 'mine now' } } : {}),
      });
      expect(response.statusCode, method).toBe(404);
      expect(response.json<{ error: { code: string } }>().error.code).toBe('SESSION_NOT_FOUND');
    }
    const bobs = await testApp.app.inject({ method: 'GET', url: '/v1/sessions', headers: bob.headers });
    expect(bobs.json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('should rename, pin, search and page sessions', async () => {
    const chats = testApp.deps.services.chatSessions;
    for (let index = 0; index < 3; index += 1) {
      await chats.createSession(actorOf(alice), `Reise nach Paris ${index}`, null);
    }
    const renamed = await testApp.app.inject({
      method: 'PATCH',
      url: `/v1/sessions/${sessionId}`,
      headers: alice.headers,
      payload: { title: ' Zeitzonen 🌏 ', pinned: true },
    });
    expect(renamed.json()).toMatchObject({ title: 'Zeitzonen 🌏', pinned: true });
    const found = await testApp.app.inject({
      method: 'GET',
      url: '/v1/sessions?search=PARIS',
      headers: alice.headers,
    });
    expect(found.json<{ items: unknown[] }>().items).toHaveLength(3);
    const first = (
      await testApp.app.inject({ method: 'GET', url: '/v1/sessions?limit=2', headers: alice.headers })
    ).json<{
      items: { id: string }[];
      nextCursor: string;
    }>();
    expect(first.items[0]?.id).toBe(sessionId);
    const second = (
      await testApp.app.inject({
        method: 'GET',
        url: `/v1/sessions?limit=2&cursor=${first.nextCursor}`,
        headers: alice.headers,
      })
    ).json<{ items: { id: string }[]; nextCursor: string | null }>();
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((item) => item.id)).size).toBe(4);
  });

  it('should delete one session, then the whole history, and audit both', async () => {
    const chats = testApp.deps.services.chatSessions;
    const extra = await chats.createSession(actorOf(alice), 'to delete', null);
    expect(
      (
        await testApp.app.inject({
          method: 'DELETE',
          url: `/v1/sessions/${extra.id}`,
          headers: alice.headers,
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (await testApp.app.inject({ method: 'GET', url: `/v1/sessions/${extra.id}`, headers: alice.headers }))
        .statusCode,
    ).toBe(404);
    const cleared = await testApp.app.inject({
      method: 'DELETE',
      url: '/v1/account/history',
      headers: alice.headers,
    });
    expect(cleared.json()).toEqual({ sessions: 4, messages: 4 });
    expect(await database.handle.db.selectFrom('tool_runs').select('id').execute()).toEqual([]);
    const actions = (await testApp.deps.services.audit.list({ limit: 50 })).map((event) => event.action);
    expect(actions).toEqual(expect.arrayContaining(['chat.session-delete', 'chat.history-clear']));
  });
});

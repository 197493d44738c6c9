import { randomUUID } from 'node:crypto';
import { ChatRepository, type NewChatMessage } from '@youworker/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, type TestUser } from '../../support/identity.ts';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';

function message(overrides: Partial<NewChatMessage> = {}): Omit<NewChatMessage, 'sessionId'> {
  return {
    id: randomUUID(),
    role: 'user',
    content: 'ciphertext',
    status: 'complete',
    model: null,
    promptTokens: null,
    completionTokens: null,
    reasoningTokens: null,
    errorCode: null,
    citations: null,
    ...overrides,
  };
}

/** The one-statement writes of a chat turn: all of a write is stored, or none of it. */
describe(ChatRepository.name, () => {
  let database: TestDatabase;
  let testApp: TestApp;
  let alice: TestUser;
  let chats: ChatRepository;

  beforeAll(async () => {
    database = await createTestDatabase();
    testApp = await createTestApp({ database: database.handle });
    alice = await createTestUser(testApp);
    chats = new ChatRepository(database.handle.db);
  });

  afterAll(async () => {
    await testApp.close();
    await database.destroy();
  });

  describe('createSessionWithMessage', () => {
    it('should store the session and its first message together', async () => {
      const first = message();
      const session = await chats.createSessionWithMessage(
        { userId: alice.id, title: 'Hello', model: 'm' },
        first,
      );
      expect(session).toMatchObject({ userId: alice.id, title: 'Hello', model: 'm', pinned: false });
      expect((await chats.listMessages(session.id)).map((row) => row.id)).toEqual([first.id]);
    });

    it('should store neither when the message cannot be stored', async () => {
      const before = await chats.listSessions(alice.id, { limit: 100 });
      const taken = message();
      await chats.createSessionWithMessage({ userId: alice.id, title: 'One', model: null }, taken);
      await expect(
        chats.createSessionWithMessage({ userId: alice.id, title: 'Two', model: null }, { ...taken }),
      ).rejects.toThrow();
      const after = await chats.listSessions(alice.id, { limit: 100 });
      expect(after.map((session) => session.title).filter((title) => title === 'Two')).toEqual([]);
      expect(after).toHaveLength(before.length + 1);
    });
  });

  describe('appendToSession', () => {
    it('should store the message and its tool runs and mark the session active with the model', async () => {
      const session = await chats.createSessionWithMessage(
        { userId: alice.id, title: 'Tools', model: null },
        message(),
      );
      const answer = { ...message({ role: 'assistant', model: 'qwen3:4b' }), sessionId: session.id };
      await chats.appendToSession(alice.id, answer, {
        model: 'qwen3:4b',
        toolRuns: [
          {
            id: randomUUID(),
            messageId: answer.id,
            sessionId: session.id,
            step: 1,
            toolCallId: 'call_0',
            toolName: 'clock__now',
            arguments: 'ciphertext',
            resultPreview: null,
            status: 'success',
            durationMs: 3,
            errorCode: null,
          },
        ],
      });
      const updated = await chats.findSession(alice.id, session.id);
      expect(updated?.model).toBe('qwen3:4b');
      expect(updated?.updatedAt.getTime()).toBeGreaterThanOrEqual(session.updatedAt.getTime());
      expect((await chats.listMessages(session.id)).map((row) => row.role)).toEqual(['user', 'assistant']);
      expect((await chats.listToolRuns(session.id)).map((run) => run.messageId)).toEqual([answer.id]);
    });

    it('should store nothing when a tool run cannot be stored', async () => {
      const session = await chats.createSessionWithMessage(
        { userId: alice.id, title: 'Broken', model: null },
        message(),
      );
      const answer = { ...message({ role: 'assistant' }), sessionId: session.id };
      const run = {
        id: randomUUID(),
        messageId: answer.id,
        sessionId: session.id,
        step: 1,
        toolCallId: 'call_0',
        toolName: 't',
        arguments: 'x',
        resultPreview: null,
        status: 'success' as const,
        durationMs: 1,
        errorCode: null,
      };
      await expect(
        chats.appendToSession(alice.id, answer, { model: 'm', toolRuns: [run, { ...run }] }),
      ).rejects.toThrow();
      expect(await chats.listMessages(session.id)).toHaveLength(1);
      expect((await chats.findSession(alice.id, session.id))?.model).toBeNull();
    });
  });
});

import type { UserActor } from '@youworker/core';
import type { TestApp } from './test-app.ts';

/** A user created through the real services, with a working API key. */
export interface TestUser {
  id: string;
  username: string;
  apiKey: string;
  apiKeyId: string;
  role: 'admin' | 'user';
  headers: { authorization: string };
}

let counter = 0;

/** Creates a user (default role `user`) and an API key for them. */
export async function createTestUser(
  testApp: TestApp,
  options: { role?: 'admin' | 'user'; username?: string } = {},
): Promise<TestUser> {
  counter += 1;
  const system = { kind: 'system' as const, label: 'test' };
  const user = await testApp.deps.services.users.create(system, {
    username: options.username ?? `user${counter}_${Math.random().toString(36).slice(2, 8)}`,
    role: options.role ?? 'user',
  });
  const created = await testApp.deps.services.apiKeys.create(system, user.id, { name: 'test key' });
  return {
    id: user.id,
    username: user.username,
    apiKey: created.secret,
    apiKeyId: created.key.id,
    role: user.role,
    headers: { authorization: `Bearer ${created.secret}` },
  };
}

/** The actor a test user acts as through their API key. */
export function actorOf(user: TestUser): UserActor {
  return {
    kind: 'user',
    userId: user.id,
    username: user.username,
    role: user.role,
    via: 'api-key',
    apiKeyId: user.apiKeyId,
  };
}

/** Logs in with the user's key; returns the cookie header and CSRF token of the new session. */
export async function loginWithSession(
  testApp: TestApp,
  user: TestUser,
): Promise<{ cookie: string; csrfToken: string }> {
  const response = await testApp.app.inject({
    method: 'POST',
    url: '/v1/auth/login',
    payload: { apiKey: user.apiKey },
  });
  if (response.statusCode !== 200) {
    throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  }
  const cookies = response.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
  return { cookie: cookies, csrfToken: response.json<{ csrfToken: string }>().csrfToken };
}

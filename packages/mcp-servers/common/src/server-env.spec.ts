import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { httpEntryEnvSchema } from './standalone.ts';
import { readServerEnv } from './server-env.ts';
import { ServerEnvError } from './server-env-error.ts';

describe('readServerEnv', () => {
  it('parses with defaults and coercion', () => {
    const config = readServerEnv(httpEntryEnvSchema, {
      MCP_HTTP_PORT: '3105',
      MCP_HTTP_ALLOWED_HOSTS: 'mcp.internal:3105, 10.0.0.5:3105',
    });
    expect(config).toMatchObject({
      MCP_HTTP_HOST: '127.0.0.1',
      MCP_HTTP_PORT: 3105,
      MCP_HTTP_ALLOWED_HOSTS: ['mcp.internal:3105', '10.0.0.5:3105'],
    });
  });

  it('lists every invalid variable in one error', () => {
    let caught: unknown;
    try {
      readServerEnv(httpEntryEnvSchema, { MCP_HTTP_PORT: '70000', MCP_HTTP_TOKEN: 'short' });
    } catch (error) {
      caught = error;
    }
    expect(ServerEnvError.isInstance(caught)).toBe(true);
    const error = caught as ServerEnvError;
    expect(error.code).toBe('SERVER_ENV_INVALID');
    expect(error.issues.map((issue) => issue.variable)).toEqual(['MCP_HTTP_PORT', 'MCP_HTTP_TOKEN']);
    expect(error.message).toMatch(
      /^Invalid environment variables:\n {2}MCP_HTTP_PORT: .+\n {2}MCP_HTTP_TOKEN: must be at least 16/,
    );
  });

  it('reads process.env by default', () => {
    const schema = z.object({ PATH: z.string().min(1) });
    expect(readServerEnv(schema).PATH).toBe(process.env.PATH);
  });
});

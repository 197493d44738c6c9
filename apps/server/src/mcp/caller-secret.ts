import { hkdfSync } from 'node:crypto';
import type { AppConfig } from '@youworker/config';

/**
 * The secret that signs MCP caller tokens: `MCP_CALLER_TOKEN_SECRET`, or one derived from the
 * session secret (HKDF-SHA256) so an installation has nothing extra to manage.
 */
export function mcpCallerSecret(config: AppConfig, sessionSecret: string): string {
  if (config.MCP_CALLER_TOKEN_SECRET) {
    return config.MCP_CALLER_TOKEN_SECRET;
  }
  const derived = hkdfSync('sha256', sessionSecret, Buffer.alloc(0), 'youworker/mcp-caller-token', 32);
  return Buffer.from(derived).toString('base64url');
}

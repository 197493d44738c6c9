import { createHash } from 'node:crypto';

/** Function names both Ollama and OpenAI-compatible servers accept. */
export const TOOL_NAME_PATTERN = /^[a-zA-Z0-9_-]{1,64}$/;

/**
 * The agent-facing name of `tool` on `server`: `<server>__<tool>`, with characters outside
 * `[a-zA-Z0-9_-]` replaced by `_`. A name longer than 64 characters keeps a readable head and ends
 * with a short hash of the full name, so it stays unique and stable.
 */
export function qualifiedToolName(server: string, tool: string): string {
  const raw = `${server}__${tool}`;
  const safe = raw.replace(/[^a-zA-Z0-9_-]/g, '_');
  if (safe.length <= 64 && safe === raw) {
    return safe;
  }
  if (safe.length <= 64) {
    // Sanitising may merge two names ("a.b" and "a_b"): a hash keeps them apart.
    return `${safe.slice(0, 55)}_${shortHash(raw)}`.slice(0, 64);
  }
  return `${safe.slice(0, 55)}_${shortHash(raw)}`;
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

/** Whether `tool` passes the server's allow and deny lists. */
export function isToolAllowed(
  tool: string,
  lists: { allowTools?: readonly string[]; denyTools: readonly string[] },
): boolean {
  if (lists.denyTools.includes(tool)) {
    return false;
  }
  return lists.allowTools === undefined || lists.allowTools.includes(tool);
}

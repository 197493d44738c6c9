import { type CallToolResult } from '@modelcontextprotocol/sdk/types.js';

/** A successful tool result: `structuredContent` for machines plus a short text for models. */
export function success(structured: Record<string, unknown>, text: string): CallToolResult {
  return { content: [{ type: 'text', text }], structuredContent: structured };
}

/** A tool-level failure (bad input, impossible date…): `isError: true` so the model can correct itself. */
export function error(message: string): CallToolResult {
  return { content: [{ type: 'text', text: message }], isError: true };
}

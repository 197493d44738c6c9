import type { ToolOutput } from '@youworker/agent';

/** The parts of an MCP `CallToolResult` the platform reads. */
export interface McpCallResult {
  content?: readonly {
    type: string;
    text?: string;
    mimeType?: string;
    resource?: { uri?: string; text?: string };
  }[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
}

/**
 * Turns an MCP tool result into what the agent feeds the model: the text parts joined, other parts
 * named (the model cannot read images here), `structuredContent` kept for events and the UI, and
 * `isError` carried over so the model knows the call failed.
 */
export function toToolOutput(result: McpCallResult): ToolOutput {
  const parts: string[] = [];
  for (const item of result.content ?? []) {
    if (item.type === 'text' && typeof item.text === 'string') {
      parts.push(item.text);
    } else if (item.type === 'resource' && typeof item.resource?.text === 'string') {
      parts.push(item.resource.text);
    } else if (item.type === 'resource_link' || item.type === 'resource') {
      parts.push(`[resource ${item.resource?.uri ?? ''}]`.trim());
    } else {
      parts.push(`[${item.type}${item.mimeType ? ` ${item.mimeType}` : ''} omitted]`);
    }
  }
  let content = parts.join('\n');
  if (content === '' && result.structuredContent !== undefined) {
    content = JSON.stringify(result.structuredContent);
  }
  return {
    content,
    ...(result.isError === true ? { isError: true } : {}),
    ...(result.structuredContent !== undefined ? { structured: result.structuredContent } : {}),
  };
}

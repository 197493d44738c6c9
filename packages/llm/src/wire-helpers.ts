import type { ToolDefinition } from './language-model.ts';

/** Ollama's (and OpenAI's) function tool format. */
export function toFunctionTool(tool: ToolDefinition) {
  return {
    type: 'function' as const,
    function: { name: tool.name, description: tool.description, parameters: tool.inputSchema },
  };
}

/** A count when it is a non-negative integer, undefined otherwise. */
export function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/** `arguments` as JSON text, whether the server sent an object (Ollama) or a string. */
export function argumentsText(value: unknown): string {
  if (typeof value === 'string') {
    return value;
  }
  return JSON.stringify(value ?? {});
}

/** The usage counts that are present (missing counts are omitted, never guessed). */
export function definedCounts<T extends Record<string, number | undefined>>(counts: T): Partial<T> {
  const result: Partial<T> = {};
  for (const [key, value] of Object.entries(counts) as [keyof T, number | undefined][]) {
    if (value !== undefined) {
      result[key] = value as T[keyof T];
    }
  }
  return result;
}

import type { ToolDefinition } from '@youworker/llm';

/** What a tool hands back. `content` is what the model reads; `structured` travels only in events. */
export interface ToolOutput {
  content: string;
  /** The tool ran but reports a failure (MCP `isError`); the model is told it failed. */
  isError?: boolean;
  /** Machine-readable result (MCP `structuredContent`) for the UI and persistence. */
  structured?: unknown;
}

/**
 * Who a run acts for. Tools that touch user data (e.g. MCP `semantic`, `ingest`) get the user from
 * here — signed by the platform — never from the model's arguments.
 */
export interface ToolCaller {
  userId: string;
  requestId?: string;
}

/** What a tool's `execute` receives besides its input. */
export interface ToolExecutionContext {
  /** The user the run acts for, when the run has one. */
  caller?: ToolCaller;
  /** Aborted when the call times out or the run ends early; a tool should stop its work. */
  signal: AbortSignal;
  /** The id the model gave this call. */
  toolCallId: string;
}

/**
 * A tool the agent can run: its model-facing definition plus `execute`. `execute` receives the
 * parsed JSON arguments (not validated against `inputSchema`; the tool or its adapter validates).
 * Throwing is allowed: the loop turns it into a `tool-error` the model sees.
 */
export type AgentTool = ToolDefinition & {
  execute(input: unknown, context: ToolExecutionContext): Promise<ToolOutput>;
};

/**
 * Where the agent gets its tools. Asked once per run, before the first step. Local tools come from
 * {@link createLocalToolRegistry}; MCP servers plug in by implementing the same interface.
 */
export interface ToolRegistry {
  list(context?: ToolListContext): Promise<AgentTool[]> | AgentTool[];
}

/** What a registry may tailor its tools to (e.g. per-user access). */
export interface ToolListContext {
  caller?: ToolCaller;
}

/**
 * A registry over a fixed list of tools (tests and in-process tools). Throws when two tools share
 * a name or a name does not match `^[a-zA-Z0-9_-]{1,64}$`.
 */
export function createLocalToolRegistry(tools: readonly AgentTool[]): ToolRegistry {
  const seen = new Set<string>();
  for (const tool of tools) {
    if (!/^[a-zA-Z0-9_-]{1,64}$/.test(tool.name)) {
      throw new Error(`Invalid tool name "${tool.name}": use 1-64 letters, digits, "_" or "-".`);
    }
    if (seen.has(tool.name)) {
      throw new Error(`Duplicate tool name "${tool.name}".`);
    }
    seen.add(tool.name);
  }
  const snapshot = [...tools];
  return { list: () => [...snapshot] };
}

import type { AgentTool, ToolCaller, ToolListContext, ToolRegistry } from '@youworker/agent';
import type { McpConnection, McpServerStatus } from './mcp-connection.ts';
import { toToolOutput } from './tool-output.ts';
import { qualifiedToolName } from './tool-names.ts';

/** One tool as `GET /v1/tools` shows it. */
export interface McpToolInfo {
  name: string;
  server: string;
  tool: string;
  title: string | null;
  description: string;
  inputSchema: Record<string, unknown>;
  annotations: Record<string, unknown> | null;
  enabled: boolean;
  serverState: McpServerStatus['state'];
}

/** What `GET /v1/tools` reads. */
export type ToolCatalog = Pick<McpToolRegistry, 'describe' | 'statuses'>;

/**
 * The agent's view of every connected MCP server: tools named `<server>__<tool>`, each call routed
 * to its server with the run's signal and, for servers acting on user data, the caller's identity.
 */
export class McpToolRegistry implements ToolRegistry {
  constructor(private readonly connections: readonly McpConnection[]) {}

  list(context: ToolListContext = {}): AgentTool[] {
    const tools: AgentTool[] = [];
    for (const connection of this.connections) {
      for (const tool of connection.tools()) {
        tools.push(
          this.agentTool(connection, tool.name, tool.description ?? '', tool.inputSchema, context.caller),
        );
      }
    }
    return tools;
  }

  /** Every server's status, in configuration order. */
  statuses(): McpServerStatus[] {
    return this.connections.map((connection) => connection.status());
  }

  /** Every known tool (enabled or not) with its server's state. */
  describe(): McpToolInfo[] {
    return this.connections.flatMap((connection) => {
      const state = connection.status().state;
      return connection.catalog().map(({ tool, enabled }) => ({
        name: qualifiedToolName(connection.name, tool.name),
        server: connection.name,
        tool: tool.name,
        title: tool.title ?? tool.annotations?.title ?? null,
        description: tool.description ?? '',
        inputSchema: tool.inputSchema,
        annotations: tool.annotations ? { ...tool.annotations } : null,
        enabled,
        serverState: state,
      }));
    });
  }

  /** Connects every enabled server (in parallel); failures keep retrying in the background. */
  async start(): Promise<void> {
    await Promise.all(this.connections.map((connection) => connection.start()));
  }

  async close(): Promise<void> {
    await Promise.all(this.connections.map((connection) => connection.close()));
  }

  private agentTool(
    connection: McpConnection,
    tool: string,
    description: string,
    inputSchema: unknown,
    listCaller: ToolCaller | undefined,
  ): AgentTool {
    return {
      name: qualifiedToolName(connection.name, tool),
      description,
      inputSchema: inputSchema as Record<string, unknown>,
      execute: async (input, context) => {
        const caller = context.caller ?? listCaller;
        const result = await connection.callTool(tool, input, {
          signal: context.signal,
          ...(caller ? { caller } : {}),
        });
        return toToolOutput(result);
      },
    };
  }
}

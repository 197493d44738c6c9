import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { ToolCaller } from '@youworker/agent';
import type { McpServerConfig } from '@youworker/config';
import { reconnectDelay } from './backoff.ts';
import { CALLER_META_KEY } from './caller-meta.ts';
import { createTransport } from './create-transport.ts';
import { isToolAllowed } from './tool-names.ts';
import type { McpCallResult } from './tool-output.ts';

/** Where a server connection stands. A failing tool call never changes it; only the transport does. */
export type McpServerState = 'disabled' | 'connecting' | 'ready' | 'down';

/** The logger the client writes to (pino-compatible subset). */
export interface McpLogger {
  info(object: Record<string, unknown>, message: string): void;
  warn(object: Record<string, unknown>, message: string): void;
  error(object: Record<string, unknown>, message: string): void;
}

export interface McpConnectionOptions {
  config: McpServerConfig;
  /** Per-call limit when the server entry sets none. */
  defaultCallTimeoutMs: number;
  logger: McpLogger;
  /** Signs the caller token sent in `_meta` (servers with `sendCallerIdentity`). */
  signCaller?: (caller: ToolCaller, audience: string) => string;
  reconnect?: { baseMs: number; maxMs: number };
  /** Limit for connecting and listing tools. */
  connectTimeoutMs?: number;
  clientInfo?: { name: string; version: string };
  /** Test seam: builds the transport for a config. */
  transportFactory?: (config: McpServerConfig) => Transport;
}

/** The public view of a connection, for `/health/ready` and `GET /v1/tools`. */
export interface McpServerStatus {
  name: string;
  transport: 'stdio' | 'http';
  state: McpServerState;
  tools: number;
  restarts: number;
  lastError: string | null;
  connectedAt: string | null;
}

/** Thrown when a tool is called while its server is not connected (the model reads the message). */
export class McpServerUnavailableError extends Error {
  readonly code = 'MCP_SERVER_UNAVAILABLE';
  constructor(server: string, state: McpServerState) {
    super(
      `the MCP server "${server}" is ${state === 'disabled' ? 'disabled' : 'not connected (reconnecting)'}; try again later`,
    );
    this.name = 'McpServerUnavailableError';
  }
}

/**
 * One MCP server: connects, lists its tools (again on `notifications/tools/list_changed`), calls
 * them with a timeout and cancellation, and reconnects with backoff when the transport closes (a
 * stdio child that died is started again).
 */
export class McpConnection {
  readonly name: string;
  private state: McpServerState;
  private client: Client | undefined;
  private toolList: Tool[] = [];
  private lastError: string | null = null;
  private restarts = 0;
  private attempt = 0;
  private connectedAt: Date | null = null;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private closed = false;
  private connecting: Promise<void> | undefined;

  constructor(private readonly options: McpConnectionOptions) {
    this.name = options.config.name;
    this.state = options.config.enabled ? 'connecting' : 'disabled';
  }

  /** Connects once; on failure keeps retrying in the background. Resolves after the first attempt. */
  async start(): Promise<void> {
    if (!this.options.config.enabled || this.closed) {
      return;
    }
    await this.connect();
  }

  /** The allowed tools of a connected server (empty otherwise). */
  tools(): Tool[] {
    if (this.state !== 'ready') {
      return [];
    }
    return this.toolList.filter((tool) => isToolAllowed(tool.name, this.options.config));
  }

  /** Every tool the server offers with whether the allow/deny lists enable it. */
  catalog(): { tool: Tool; enabled: boolean }[] {
    return this.toolList.map((tool) => ({ tool, enabled: isToolAllowed(tool.name, this.options.config) }));
  }

  get sendsCallerIdentity(): boolean {
    return this.options.config.sendCallerIdentity;
  }

  status(): McpServerStatus {
    return {
      name: this.name,
      transport: this.options.config.transport.type,
      state: this.state,
      tools: this.tools().length,
      restarts: this.restarts,
      lastError: this.lastError,
      connectedAt: this.connectedAt?.toISOString() ?? null,
    };
  }

  /**
   * Calls `tool` with `args`. The call is cancelled on the server when `signal` aborts or the
   * timeout passes. Rejects when the server is not connected or the transport fails mid-call.
   */
  async callTool(
    tool: string,
    args: unknown,
    options: { signal: AbortSignal; caller?: ToolCaller },
  ): Promise<McpCallResult> {
    const client = this.client;
    if (this.state !== 'ready' || client === undefined) {
      throw new McpServerUnavailableError(this.name, this.state);
    }
    const meta = this.callerMeta(options.caller);
    const result = await client.callTool(
      {
        name: tool,
        arguments: (typeof args === 'object' && args !== null ? args : {}) as Record<string, unknown>,
        ...(meta ? { _meta: meta } : {}),
      },
      undefined,
      {
        signal: options.signal,
        timeout: this.options.config.callTimeoutMs ?? this.options.defaultCallTimeoutMs,
      },
    );
    return result as McpCallResult;
  }

  /** Stops reconnecting and closes the transport (a stdio child is terminated). */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    await client?.close().catch(() => undefined);
    if (this.state !== 'disabled') {
      this.state = 'down';
    }
  }

  private callerMeta(caller: ToolCaller | undefined): Record<string, unknown> | undefined {
    if (!this.options.config.sendCallerIdentity) {
      return undefined;
    }
    if (caller === undefined || this.options.signCaller === undefined) {
      return undefined;
    }
    return { [CALLER_META_KEY]: this.options.signCaller(caller, this.name) };
  }

  private connect(): Promise<void> {
    this.connecting ??= this.connectOnce().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async connectOnce(): Promise<void> {
    this.state = 'connecting';
    const factory = this.options.transportFactory ?? createTransport;
    const client = new Client(this.options.clientInfo ?? { name: 'youworker', version: '0.1.0' }, {
      capabilities: {},
      listChanged: {
        tools: {
          onChanged: (error, tools) => {
            if (error) {
              this.options.logger.warn(
                { server: this.name, err: error.message },
                'mcp tool list refresh failed',
              );
              return;
            }
            if (tools) {
              this.toolList = tools;
              this.options.logger.info({ server: this.name, tools: tools.length }, 'mcp tool list changed');
            }
          },
        },
      },
    });
    let transport: Transport;
    try {
      transport = factory(this.options.config);
      const timeout = this.options.connectTimeoutMs ?? 20_000;
      await client.connect(transport, { timeout });
      this.toolList = await listAllTools(client, timeout);
    } catch (error) {
      await client.close().catch(() => undefined);
      this.markDown(error);
      return;
    }
    if (this.closed) {
      await client.close().catch(() => undefined);
      return;
    }
    client.onclose = () => {
      if (this.client === client) {
        this.client = undefined;
        this.markDown(new Error('the connection closed'));
      }
    };
    client.onerror = (error) => {
      this.options.logger.warn({ server: this.name, err: error.message }, 'mcp transport error');
    };
    this.client = client;
    this.state = 'ready';
    this.attempt = 0;
    this.lastError = null;
    this.connectedAt = new Date();
    this.options.logger.info({ server: this.name, tools: this.toolList.length }, 'mcp server connected');
  }

  private markDown(error: unknown): void {
    if (this.closed) {
      return;
    }
    this.state = 'down';
    this.connectedAt = null;
    this.lastError = error instanceof Error ? error.message : String(error);
    const delay = reconnectDelay(this.attempt, this.options.reconnect ?? { baseMs: 500, maxMs: 30_000 });
    this.attempt += 1;
    this.options.logger.warn(
      { server: this.name, err: this.lastError, retryInMs: delay, attempt: this.attempt },
      'mcp server down; reconnecting',
    );
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => {
      this.restarts += 1;
      void this.connect();
    }, delay);
    this.reconnectTimer.unref();
  }
}

async function listAllTools(client: Client, timeout: number): Promise<Tool[]> {
  const tools: Tool[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page += 1) {
    const result = await client.listTools(cursor ? { cursor } : undefined, { timeout });
    tools.push(...result.tools);
    cursor = result.nextCursor;
    if (!cursor) {
      break;
    }
  }
  return tools;
}

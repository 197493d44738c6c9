import { type ServerResponse } from 'node:http';
import { type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { type StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { type McpLogger } from './mcp-logger.ts';

/** One MCP session: its own server instance and transport. */
export interface HttpSession {
  id: string;
  server: McpServer;
  transport: StreamableHTTPServerTransport;
  lastActivity: number;
  /** Requests (including open SSE streams) still in progress; a busy session never expires. */
  inFlight: number;
}

/** Live sessions by id, with idle expiry. */
export class HttpSessionStore {
  private readonly sessions = new Map<string, HttpSession>();
  private sweeper: NodeJS.Timeout | undefined;

  constructor(
    private readonly idleMs: number,
    private readonly logger: McpLogger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Number of live sessions. */
  get size(): number {
    return this.sessions.size;
  }

  /** Starts the periodic sweep of idle sessions (the timer does not keep the process alive). */
  start(): void {
    this.sweeper = setInterval(() => void this.sweep(), Math.max(Math.min(this.idleMs / 2, 60_000), 50));
    this.sweeper.unref();
  }

  get(id: string): HttpSession | undefined {
    return this.sessions.get(id);
  }

  add(session: HttpSession): void {
    this.sessions.set(session.id, session);
    this.logger.info({ sessionId: session.id, sessions: this.sessions.size }, 'MCP session opened');
  }

  /** Forgets a session (its transport closed: DELETE, expiry or shutdown). */
  remove(id: string): void {
    if (this.sessions.delete(id)) {
      this.logger.info({ sessionId: id, sessions: this.sessions.size }, 'MCP session closed');
    }
  }

  /** Marks `session` busy until `response` closes. */
  track(session: HttpSession, response: ServerResponse): void {
    session.inFlight += 1;
    session.lastActivity = this.now();
    response.once('close', () => {
      session.inFlight -= 1;
      session.lastActivity = this.now();
    });
  }

  /** Closes sessions idle for longer than the idle timeout; returns how many. */
  async sweep(): Promise<number> {
    const cutoff = this.now() - this.idleMs;
    const idle = [...this.sessions.values()].filter(
      (session) => session.inFlight === 0 && session.lastActivity < cutoff,
    );
    await Promise.all(
      idle.map(async (session) => {
        this.logger.info({ sessionId: session.id }, 'MCP session expired');
        await this.close(session);
      }),
    );
    return idle.length;
  }

  /** Stops the sweep and closes every session. */
  async closeAll(): Promise<void> {
    clearInterval(this.sweeper);
    await Promise.all([...this.sessions.values()].map((session) => this.close(session)));
  }

  private async close(session: HttpSession): Promise<void> {
    this.remove(session.id);
    try {
      await session.server.close();
    } catch (caught) {
      this.logger.warn({ sessionId: session.id, err: String(caught) }, 'MCP session did not close cleanly');
    }
  }
}

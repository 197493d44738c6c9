import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { readJsonBody } from './http-body.ts';
import {
  HostGuard,
  bearerMatcher,
  defaultAllowedHosts,
  defaultAllowedOrigins,
  hostForUrl,
  isLoopbackHost,
  isWildcardHost,
} from './http-guard.ts';
import {
  JSON_RPC_INTERNAL_ERROR,
  JSON_RPC_PARSE_ERROR,
  JSON_RPC_SESSION_NOT_FOUND,
  JSON_RPC_TRANSPORT_ERROR,
  sendJson,
  sendJsonRpcError,
} from './http-response.ts';
import { type HttpSession, HttpSessionStore } from './http-sessions.ts';
import { McpHttpConfigError } from './mcp-http-error.ts';
import { type McpLogger, silentLogger } from './mcp-logger.ts';

/** Options of {@link serveStreamableHttp}. */
export interface StreamableHttpOptions {
  /** Bind address. Anything but a loopback address requires `bearerToken`. */
  host: string;
  /** TCP port; `0` picks a free one (read it from the returned `url`). */
  port: number;
  /** Endpoint path, default `/mcp`. */
  path?: string;
  /** Required `Authorization: Bearer` value (at least 16 characters); mandatory off loopback. */
  bearerToken?: string;
  /** Accepted `Host` values, `name[:port]`; default: loopback names with the port (see `defaultAllowedHosts`). */
  allowedHosts?: string[];
  /** Accepted `Origin` values when the header is present; default: http(s) origins of the allowed hosts. */
  allowedOrigins?: string[];
  logger?: McpLogger;
  /** Largest accepted POST body, default 1 MiB. */
  maxBodyBytes?: number;
  /** A session without requests for this long is closed, default 30 minutes. */
  sessionIdleMs?: number;
  /** Most concurrent sessions, default 1000; further `initialize` requests get 503. */
  maxSessions?: number;
}

/** A running server: its MCP endpoint URL and a way to stop it (closes every session). */
export interface StreamableHttpHandle {
  url: string;
  close(): Promise<void>;
}

const MIN_TOKEN_LENGTH = 16;

function validate(options: StreamableHttpOptions): void {
  const problems: string[] = [];
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65_535) {
    problems.push('port must be an integer from 0 to 65535');
  }
  if (options.path !== undefined && !/^\/[A-Za-z0-9/_.-]*$/.test(options.path)) {
    problems.push('path must start with "/"');
  }
  if (options.bearerToken !== undefined && options.bearerToken.trim().length < MIN_TOKEN_LENGTH) {
    problems.push(`the bearer token must have at least ${MIN_TOKEN_LENGTH} characters`);
  }
  if (problems.length > 0) {
    throw new McpHttpConfigError(
      'MCP_HTTP_OPTIONS_INVALID',
      `Invalid MCP HTTP options: ${problems.join('; ')}`,
    );
  }
  if (!isLoopbackHost(options.host) && options.bearerToken === undefined) {
    throw new McpHttpConfigError(
      'MCP_HTTP_TOKEN_REQUIRED',
      `Refusing to serve MCP on ${options.host}, which is not a loopback address, without a bearer token`,
    );
  }
}

function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

function sessionHeader(request: IncomingMessage): string | undefined {
  const value = request.headers['mcp-session-id'];
  return Array.isArray(value) ? value[0] : value;
}

function isInitialize(body: unknown): boolean {
  return Array.isArray(body)
    ? body.some((message) => isInitializeRequest(message))
    : isInitializeRequest(body);
}

/**
 * Serves MCP over Streamable HTTP on `node:http` with stateful sessions: each `initialize` gets a
 * fresh server from `createMcpServer` and an `Mcp-Session-Id`; `DELETE` ends a session and idle
 * sessions expire. Every request passes DNS-rebinding protection (`Host` and, when present,
 * `Origin` must be allowed; else 403 with a JSON-RPC error) and, when configured, a constant-time
 * bearer check (401). `GET /healthz` answers `{ "status": "ok" }` without a token. Throws
 * {@link McpHttpConfigError} for invalid options and when a non-loopback bind has no token.
 */
export async function serveStreamableHttp(
  createMcpServer: () => McpServer,
  options: StreamableHttpOptions,
): Promise<StreamableHttpHandle> {
  validate(options);
  const logger = options.logger ?? silentLogger;
  const path = options.path ?? '/mcp';
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const maxSessions = options.maxSessions ?? 1000;
  const sessions = new HttpSessionStore(options.sessionIdleMs ?? 30 * 60_000, logger);
  const authorized =
    options.bearerToken === undefined ? () => true : bearerMatcher(options.bearerToken.trim());
  // Set once listening: the default allowed hosts need the actual port.
  const state: { guard?: HostGuard } = {};

  async function openSession(
    request: IncomingMessage,
    response: ServerResponse,
    body: unknown,
  ): Promise<void> {
    if (sessions.size >= maxSessions) {
      sendJsonRpcError(response, 503, JSON_RPC_TRANSPORT_ERROR, 'Too many MCP sessions; try again later');
      return;
    }
    const server = createMcpServer();
    const session: HttpSession = {
      id: '',
      server,
      transport: new StreamableHTTPServerTransport({
        sessionIdGenerator: randomUUID,
        onsessioninitialized: (id) => {
          session.id = id;
          sessions.add(session);
        },
      }),
      lastActivity: Date.now(),
      inFlight: 0,
    };
    session.transport.onclose = () => {
      sessions.remove(session.id);
    };
    await server.connect(session.transport);
    sessions.track(session, response);
    await session.transport.handleRequest(request, response, body);
    if (session.transport.sessionId === undefined) {
      await server.close();
    }
  }

  async function handleMcp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let body: unknown;
    if (request.method === 'POST') {
      const read = await readJsonBody(request, maxBodyBytes);
      if (read.kind === 'too-large') {
        sendJsonRpcError(
          response,
          413,
          JSON_RPC_TRANSPORT_ERROR,
          `Request body larger than ${maxBodyBytes} bytes`,
          {
            connection: 'close',
          },
        );
        return;
      }
      if (read.kind !== 'ok') {
        sendJsonRpcError(response, 400, JSON_RPC_PARSE_ERROR, 'Parse error: the body is not valid JSON');
        return;
      }
      body = read.value;
    }
    const sessionId = sessionHeader(request);
    if (sessionId !== undefined) {
      const session = sessions.get(sessionId);
      if (session === undefined) {
        sendJsonRpcError(response, 404, JSON_RPC_SESSION_NOT_FOUND, 'Session not found');
        return;
      }
      sessions.track(session, response);
      await session.transport.handleRequest(request, response, body);
      return;
    }
    if (request.method === 'POST' && isInitialize(body)) {
      await openSession(request, response, body);
      return;
    }
    sendJsonRpcError(
      response,
      400,
      JSON_RPC_TRANSPORT_ERROR,
      'Bad Request: send initialize first, then the Mcp-Session-Id header',
    );
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const origin = request.headers.origin;
    const rejection = state.guard
      ? state.guard.rejection(request.headers.host, origin)
      : 'Server is starting';
    if (rejection !== undefined) {
      logger.warn({ host: request.headers.host, origin }, `MCP request refused: ${rejection}`);
      sendJsonRpcError(response, 403, JSON_RPC_TRANSPORT_ERROR, `Forbidden: ${rejection}`);
      return;
    }
    const pathname = (request.url ?? '/').split('?')[0];
    if (pathname === '/healthz') {
      sendJson(response, request.method === 'GET' ? 200 : 405, { status: 'ok' }, { allow: 'GET' });
      return;
    }
    if (pathname !== path) {
      sendJsonRpcError(response, 404, JSON_RPC_TRANSPORT_ERROR, `Not found: the MCP endpoint is ${path}`);
      return;
    }
    if (!authorized(request.headers.authorization)) {
      sendJsonRpcError(
        response,
        401,
        JSON_RPC_TRANSPORT_ERROR,
        'Unauthorized: a valid bearer token is required',
        {
          'www-authenticate': 'Bearer',
        },
      );
      return;
    }
    await handleMcp(request, response);
  }

  const httpServer = createServer((request, response) => {
    handle(request, response).catch((caught: unknown) => {
      logger.error({ err: caught instanceof Error ? caught.message : String(caught) }, 'MCP request failed');
      sendJsonRpcError(response, 500, JSON_RPC_INTERNAL_ERROR, 'Internal server error');
    });
  });
  const address = await listen(httpServer, options.host, options.port);
  const allowedHosts = options.allowedHosts ?? defaultAllowedHosts(options.host, address.port);
  state.guard = new HostGuard(allowedHosts, options.allowedOrigins ?? defaultAllowedOrigins(allowedHosts));
  sessions.start();
  const urlHost = isWildcardHost(options.host) ? '127.0.0.1' : hostForUrl(options.host);
  const url = `http://${urlHost}:${address.port}${path}`;
  logger.info({ url, allowedHosts }, 'MCP server listening');

  return {
    url,
    async close() {
      await sessions.closeAll();
      await new Promise<void>((resolve) => {
        httpServer.close(() => {
          resolve();
        });
        httpServer.closeAllConnections();
      });
    },
  };
}

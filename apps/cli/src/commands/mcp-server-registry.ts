import { type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

/** A bundled server ready to run: its factory (one instance per session) and default HTTP port. */
export interface LoadedMcpServer {
  create: () => McpServer;
  defaultPort: number;
}

/** A bundled MCP server `youworker mcp <name>` can run; loading is lazy so the CLI starts fast. */
export interface BundledMcpServer {
  description: string;
  /** Loads the package; `undefined` when this build does not contain the server yet. */
  load(): Promise<LoadedMcpServer | undefined>;
}

/** Default HTTP port of the web server (its package does not export one). */
const WEB_HTTP_PORT = 3103;

/**
 * The bundled MCP servers by name. Add an entry per new server (`semantic` and `ingest` come
 * later); the names match `bundledMcpServerNames` in `@youworker/config`.
 */
export const bundledMcpServers: Readonly<Record<string, BundledMcpServer>> = {
  datetime: {
    description: 'time zones, natural-language dates, durations, business days',
    async load() {
      const { createDatetimeServer, DATETIME_HTTP_PORT } = await import('@youworker/mcp-datetime');
      return { create: () => createDatetimeServer(), defaultPort: DATETIME_HTTP_PORT };
    },
  },
  units: {
    description: 'unit conversion, currencies excluded',
    async load() {
      const { createUnitsServer, UNITS_HTTP_PORT } = await import('@youworker/mcp-units');
      return { create: () => createUnitsServer(), defaultPort: UNITS_HTTP_PORT };
    },
  },
  web: {
    description: 'web tools',
    async load() {
      // Guarded: the package may not export its factory yet in this build.
      const module: Record<string, unknown> = await import('@youworker/mcp-web');
      const factory = module.createWebServer;
      if (typeof factory !== 'function') {
        return undefined;
      }
      const createWebServer = factory as () => McpServer;
      return { create: () => createWebServer(), defaultPort: WEB_HTTP_PORT };
    },
  },
  semantic: {
    description: "search the caller's documents (needs YOUWORKER_PLATFORM_URL and MCP_CALLER_TOKEN_SECRET)",
    async load() {
      const { loadPlatformServerEnv } = await import('@youworker/mcp-common');
      const { createSemanticServer, SEMANTIC_HTTP_PORT } = await import('@youworker/mcp-semantic');
      const options = loadPlatformServerEnv('semantic');
      return { create: () => createSemanticServer(options), defaultPort: SEMANTIC_HTTP_PORT };
    },
  },
  ingest: {
    description:
      'ingest URLs and server paths as the caller (needs YOUWORKER_PLATFORM_URL and MCP_CALLER_TOKEN_SECRET)',
    async load() {
      const { loadPlatformServerEnv } = await import('@youworker/mcp-common');
      const { createIngestServer, INGEST_HTTP_PORT } = await import('@youworker/mcp-ingest');
      const options = loadPlatformServerEnv('ingest');
      return { create: () => createIngestServer(options), defaultPort: INGEST_HTTP_PORT };
    },
  },
};

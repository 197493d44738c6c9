import { type Readable, type Writable } from 'node:stream';
import {
  McpHttpConfigError,
  jsonLineLogger,
  readBearerTokenFile,
  serveStdio,
  serveStreamableHttp,
  waitForShutdownSignal,
} from '@youworker/mcp-common';
import { Command, Option } from 'commander';
import { CliError, type CliContext } from '../cli-context.ts';
import { type BundledMcpServer, type LoadedMcpServer, bundledMcpServers } from './mcp-server-registry.ts';

/** What `youworker mcp` needs besides the CLI context; tests pass their own. */
export interface McpCommandDeps {
  servers?: Readonly<Record<string, BundledMcpServer>>;
  /** The stdio streams (default: the process's). */
  stdio?: { stdin: Readable; stdout: Writable };
  /** Settles when the server should stop (default: SIGINT or SIGTERM). */
  untilShutdown?: () => Promise<unknown>;
}

interface McpOptions {
  http?: boolean;
  host?: string;
  port?: string;
  tokenFile?: string;
  allowedHost?: string[];
  allowedOrigin?: string[];
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

async function loadServer(servers: Readonly<Record<string, BundledMcpServer>>, name: string) {
  const entry = Object.hasOwn(servers, name) ? servers[name] : undefined;
  if (entry === undefined) {
    throw new CliError(`Unknown MCP server "${name}"; bundled: ${Object.keys(servers).join(', ')}`);
  }
  const loaded = await entry.load();
  if (loaded === undefined) {
    throw new CliError(`The ${name} MCP server is not available in this build`);
  }
  return loaded;
}

function parsePort(text: string | undefined, fallback: number): number {
  if (text === undefined) {
    return fallback;
  }
  const port = Number(text);
  if (!/^\d{1,5}$/.test(text) || port > 65_535) {
    throw new CliError('--port must be an integer from 0 to 65535 (0 picks a free port)');
  }
  return port;
}

async function serveHttp(
  context: CliContext,
  name: string,
  server: LoadedMcpServer,
  options: McpOptions,
  untilShutdown: () => Promise<unknown>,
): Promise<void> {
  const handle = await serveStreamableHttp(server.create, {
    host: options.host ?? '127.0.0.1',
    port: parsePort(options.port, server.defaultPort),
    bearerToken: options.tokenFile === undefined ? undefined : await readBearerTokenFile(options.tokenFile),
    allowedHosts: options.allowedHost,
    allowedOrigins: options.allowedOrigin,
    logger: jsonLineLogger(context.stderr, `mcp-${name}`),
  });
  context.stdout.write(`youworker ${name} MCP server listening on ${handle.url}\n`);
  await untilShutdown();
  await handle.close();
}

/** `youworker mcp <name>`: runs a bundled MCP server over stdio (default) or Streamable HTTP. */
export function mcpCommand(context: CliContext, deps: McpCommandDeps = {}): Command {
  const servers = deps.servers ?? bundledMcpServers;
  const untilShutdown = deps.untilShutdown ?? waitForShutdownSignal;
  const names = Object.entries(servers)
    .map(([name, entry]) => `${name} (${entry.description})`)
    .join(', ');
  return new Command('mcp')
    .description('run a bundled MCP server over stdio (default) or Streamable HTTP')
    .argument('<name>', `the server: ${names}`)
    .option('--http', 'serve Streamable HTTP at /mcp instead of stdio')
    .option('--host <host>', 'HTTP bind address; off loopback a --token-file is required (default 127.0.0.1)')
    .option('--port <port>', "HTTP port; 0 picks a free one (default: the server's own)")
    .option('--token-file <file>', 'file holding the bearer token HTTP clients must send')
    .addOption(new Option('--allowed-host <host>', 'accepted Host header, repeatable').argParser(collect))
    .addOption(
      new Option('--allowed-origin <origin>', 'accepted Origin header, repeatable').argParser(collect),
    )
    .action(async (name: string, options: McpOptions) => {
      const httpOnly = [
        options.host,
        options.port,
        options.tokenFile,
        options.allowedHost,
        options.allowedOrigin,
      ];
      if (!options.http && httpOnly.some((value) => value !== undefined)) {
        throw new CliError('--host, --port, --token-file, --allowed-host and --allowed-origin need --http');
      }
      const server = await loadServer(servers, name);
      if (options.http) {
        try {
          await serveHttp(context, name, server, options, untilShutdown);
        } catch (caught) {
          throw McpHttpConfigError.isInstance(caught) ? new CliError(caught.message) : caught;
        }
        return;
      }
      const handle = await serveStdio(server.create(), deps.stdio);
      await Promise.race([handle.closed, untilShutdown()]);
      await handle.close();
    });
}

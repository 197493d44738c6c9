import { getDefaultEnvironment, StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { McpServerConfig } from '@youworker/config';

/**
 * The transport for a server entry. A stdio child gets only the SDK's safe default environment
 * (PATH, HOME…) plus the entry's `env`: the platform's own secrets never leak into it. Its stderr is
 * inherited so its logs land beside ours.
 */
export function createTransport(config: McpServerConfig): Transport {
  const transport = config.transport;
  switch (transport.type) {
    case 'stdio':
      return new StdioClientTransport({
        command: transport.command,
        args: transport.args,
        env: { ...getDefaultEnvironment(), ...transport.env },
        ...(transport.cwd ? { cwd: transport.cwd } : {}),
        stderr: 'inherit',
      });
    case 'http':
      return new StreamableHTTPClientTransport(new URL(transport.url), {
        requestInit: { headers: transport.headers },
      });
  }
}

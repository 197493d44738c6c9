import { fileURLToPath } from 'node:url';
import type { BundledMcpServerName, McpServerConfig } from '@youworker/config';

const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** Bundled servers that act on user data: they get the caller's signed identity. */
const actsOnUserData: ReadonlySet<BundledMcpServerName> = new Set(['semantic', 'ingest']);

/**
 * The stdio entry of a bundled server, started with the same Node binary and tsx loader as the
 * platform. `env` carries what the child needs (it never inherits the platform's environment).
 */
export function bundledServerConfig(
  name: BundledMcpServerName,
  env: Record<string, string> = {},
): McpServerConfig {
  return {
    name,
    transport: {
      type: 'stdio',
      command: process.execPath,
      args: [
        '--import',
        import.meta.resolve('tsx'),
        fileURLToPath(new URL(`packages/mcp-servers/${name}/src/stdio.ts`, `file://${repositoryRoot}`)),
      ],
      env,
      cwd: repositoryRoot,
    },
    enabled: true,
    // ingest_url / ingest_path may wait up to 60 s for the run to finish.
    ...(name === 'ingest' ? { callTimeoutMs: 65_000 } : {}),
    denyTools: [],
    sendCallerIdentity: actsOnUserData.has(name),
  };
}

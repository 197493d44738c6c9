import { z } from 'zod';
import { envInteger } from './env-helpers.ts';
import { bundledMcpServerNames, McpServerListSchema } from './mcp-servers.schema.ts';

const bundledNames = new Set<string>([...bundledMcpServerNames, 'none']);

/** MCP client variables. See docs/mcp.md. */
export const mcpEnv = {
  MCP_BUNDLED_SERVERS: z
    .string()
    .default('datetime,units,web,semantic,ingest')
    .transform((value) =>
      value
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .refine((entries) => entries.every((entry) => bundledNames.has(entry)), {
      message: `entries must be among ${[...bundledMcpServerNames, 'none'].join(', ')}`,
    })
    .describe(
      'Bundled MCP servers started as stdio child processes, comma-separated (`datetime`, `units`, `web`, `semantic`, `ingest`), or `none`.',
    ),
  MCP_SERVERS: z
    .string()
    .default('')
    .transform((text, context) => {
      if (text.trim() === '') {
        return [];
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        context.addIssue({ code: 'custom', message: 'must be a JSON array of MCP servers' });
        return z.NEVER;
      }
      const parsed = McpServerListSchema.safeParse(value);
      if (!parsed.success) {
        context.addIssue({ code: 'custom', message: z.prettifyError(parsed.error) });
        return z.NEVER;
      }
      return parsed.data;
    })
    .describe(
      'Further MCP servers as a JSON array: `[{"name":"files","transport":{"type":"stdio","command":"npx","args":["-y","some-mcp-server"]}},{"name":"crm","transport":{"type":"http","url":"https://crm.local/mcp","headers":{"Authorization":"Bearer …"}},"callTimeoutMs":10000,"denyTools":["delete_account"]}]`. See docs/mcp.md.',
    ),
  MCP_SERVERS_FILE: z
    .string()
    .min(1)
    .optional()
    .describe(
      'Path of a JSON file with the same array as `MCP_SERVERS` (both may be used; names must differ).',
    ),
  MCP_CALL_TIMEOUT_MS: envInteger({ min: 100, max: 3_600_000, defaultValue: 30_000 }).describe(
    'Default time limit of one MCP tool call (a server entry may set `callTimeoutMs`); the call is then cancelled on the server.',
  ),
  MCP_CALLER_TOKEN_SECRET: z
    .string()
    .min(32)
    .optional()
    .describe(
      'Secret that signs the short-lived caller tokens sent to MCP servers acting on user data (`semantic`, `ingest`). Unset: derived from `SESSION_SECRET`. Standalone servers need the same value.',
    ),
};

import { z } from 'zod';

/** Names of the MCP servers that ship with YouWorker. */
export const bundledMcpServerNames = ['datetime', 'units', 'web', 'semantic', 'ingest'] as const;
export type BundledMcpServerName = (typeof bundledMcpServerNames)[number];

const toolNameList = z.array(z.string().min(1).max(128)).max(500);

const stdioTransport = z.strictObject({
  type: z.literal('stdio'),
  command: z.string().min(1),
  args: z.array(z.string()).max(100).default([]),
  env: z.record(z.string(), z.string()).default({}),
  cwd: z.string().min(1).optional(),
});

const httpTransport = z.strictObject({
  type: z.literal('http'),
  url: z.url({ protocol: /^https?$/ }),
  headers: z.record(z.string(), z.string()).default({}),
});

/**
 * One MCP server the platform connects to. `name` becomes the prefix of its tools
 * (`<name>__<tool>`), so it is short and has no `__`.
 */
export const McpServerConfigSchema = z
  .strictObject({
    name: z.string().regex(/^[a-zA-Z0-9-]{1,24}$/, 'use 1-24 letters, digits or "-"'),
    transport: z.discriminatedUnion('type', [stdioTransport, httpTransport]),
    enabled: z.boolean().default(true),
    callTimeoutMs: z.number().int().min(100).max(3_600_000).optional(),
    allowTools: toolNameList.optional(),
    denyTools: toolNameList.default([]),
    /** Send the calling user's signed token in each call's `_meta` (servers that act on user data). */
    sendCallerIdentity: z.boolean().default(false),
  })
  .describe('An MCP server');

export type McpServerConfig = z.infer<typeof McpServerConfigSchema>;

/** A list of servers with unique names. */
export const McpServerListSchema = z
  .array(McpServerConfigSchema)
  .max(64)
  .refine((servers) => new Set(servers.map((server) => server.name)).size === servers.length, {
    message: 'server names must be unique',
  });

/** Parses `MCP_SERVERS` JSON text (an array of servers). */
export function parseMcpServersJson(text: string): McpServerConfig[] {
  const value: unknown = JSON.parse(text);
  return McpServerListSchema.parse(value);
}

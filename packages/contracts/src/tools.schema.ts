import { z } from 'zod';

/** One MCP server as `GET /v1/tools` reports it. */
export const ToolServerSchema = z
  .object({
    name: z.string(),
    transport: z.enum(['stdio', 'http']),
    state: z
      .enum(['disabled', 'connecting', 'ready', 'down'])
      .describe('`down`: the connection failed or closed; the platform reconnects with backoff.'),
    tools: z.number().int().describe('Enabled tools the agent can call now.'),
    restarts: z.number().int().describe('Reconnections since the platform started.'),
    lastError: z.string().nullable(),
    connectedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ToolServer' });

/** One tool: the agent-facing name, its server and schema. */
export const ToolInfoSchema = z
  .object({
    name: z.string().describe('The name the model calls: `<server>__<tool>`.'),
    server: z.string(),
    tool: z.string().describe('The name on its MCP server.'),
    title: z.string().nullable(),
    description: z.string(),
    inputSchema: z.record(z.string(), z.unknown()).describe('JSON Schema of the arguments.'),
    annotations: z.record(z.string(), z.unknown()).nullable(),
    enabled: z.boolean().describe("False when the server entry's allow/deny lists exclude it."),
    serverState: ToolServerSchema.shape.state,
  })
  .meta({ id: 'ToolInfo' });

/** `GET /v1/tools`. */
export const ToolCatalogSchema = z
  .object({ servers: z.array(ToolServerSchema), tools: z.array(ToolInfoSchema) })
  .meta({ id: 'ToolCatalog' });

export type ToolCatalogResponse = z.infer<typeof ToolCatalogSchema>;

export { reconnectDelay } from './backoff.ts';
export { CALLER_META_KEY } from './caller-meta.ts';
export { createTransport } from './create-transport.ts';
export {
  McpConnection,
  McpServerUnavailableError,
  type McpConnectionOptions,
  type McpLogger,
  type McpServerState,
  type McpServerStatus,
} from './mcp-connection.ts';
export { McpToolRegistry, type McpToolInfo, type ToolCatalog } from './mcp-tool-registry.ts';
export { isToolAllowed, qualifiedToolName, TOOL_NAME_PATTERN } from './tool-names.ts';
export { toToolOutput, type McpCallResult } from './tool-output.ts';

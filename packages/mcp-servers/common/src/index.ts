export { error, success } from './tool-result.ts';
export {
  CALLER_TOKEN_META_KEY,
  type CallerClaims,
  type CallerTokenInput,
  type ExtraWithMeta,
  type VerifyCallerTokenOptions,
  callerFromExtra,
  signCallerToken,
  verifyCallerToken,
} from './caller-token.ts';
export { CallerTokenError, type CallerTokenErrorCode } from './caller-token-error.ts';
export { isLoopbackHost } from './http-guard.ts';
export { McpHttpConfigError, type McpHttpConfigErrorCode } from './mcp-http-error.ts';
export { type McpLogger, jsonLineLogger, silentLogger } from './mcp-logger.ts';
export {
  PLATFORM_CALLER_HEADER,
  PlatformClientError,
  createPlatformClient,
  loadPlatformServerEnv,
  platformServerEnvSchema,
  readPlatformServerEnv,
  runAsCaller,
  type PlatformCallOptions,
  type PlatformChunk,
  type PlatformChunkContext,
  type PlatformClient,
  type PlatformClientErrorCode,
  type PlatformClientOptions,
  type PlatformDocument,
  type PlatformIngestionRun,
  type PlatformIngestionStarted,
  type PlatformSearchInput,
  type PlatformSearchResult,
  type PlatformServerOptions,
  type ToolCaller,
} from './platform-client.ts';
export { type EnvironmentSource, readServerEnv } from './server-env.ts';
export { ServerEnvError, type ServerEnvIssue } from './server-env-error.ts';
export { waitForShutdownSignal } from './shutdown-signal.ts';
export { httpEntryEnvSchema, runHttpEntry, runStdioEntry } from './standalone.ts';
export { type StdioHandle, type StdioOptions, serveStdio } from './stdio.ts';
export {
  type StreamableHttpHandle,
  type StreamableHttpOptions,
  serveStreamableHttp,
} from './streamable-http.ts';
export { readBearerTokenFile } from './token-file.ts';

export { EnvSchema, productionSecrets, type AppConfig } from './env/env.schema.ts';
export { ConfigError, loadConfig, parseConfig, readEnvFile, type ConfigIssue } from './env/load-config.ts';
export { renderConfigurationTable } from './env/config-docs.ts';
export { createAddressMatcher, isValidCidr, type AddressMatcher } from './network/address-matcher.ts';
export { resolveSecrets, type ResolvedSecrets } from './secrets/resolve-secrets.ts';
export {
  bundledMcpServerNames,
  McpServerConfigSchema,
  McpServerListSchema,
  parseMcpServersJson,
  type BundledMcpServerName,
  type McpServerConfig,
} from './env/mcp-servers.schema.ts';

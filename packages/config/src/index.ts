export { EnvSchema, type AppConfig } from './env/env.schema.ts';
export { ConfigError, loadConfig, parseConfig, readEnvFile, type ConfigIssue } from './env/load-config.ts';
export { renderConfigurationTable } from './env/config-docs.ts';

export { createWebServer } from './web-server.ts';
export {
  type CrawlLimits,
  DUCKDUCKGO_HTML_URL,
  type SearchEngineConfig,
  WEB_USER_AGENT,
  type WebFetchPolicy,
  type WebServerOptions,
} from './web-options.ts';
export { parseWebEnv } from './env.ts';

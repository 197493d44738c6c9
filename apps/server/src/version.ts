import packageJson from '../package.json' with { type: 'json' };

/** The product version (from `apps/server/package.json`). */
export const VERSION: string = packageJson.version;
/** The HTTP API version; all API routes live under `/${API_VERSION}`. */
export const API_VERSION = 'v1';

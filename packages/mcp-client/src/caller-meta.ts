/** The `_meta` key under which the platform sends the caller token (see @youworker/mcp-common). */
export const CALLER_META_KEY = 'youworker/caller';

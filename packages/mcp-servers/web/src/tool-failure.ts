import { type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { error } from '@youworker/mcp-common';
import { SafeFetchError } from '@youworker/net';

/** Stable codes of {@link ToolFailure}. */
export type ToolFailureCode =
  'SEARCH_ENGINE_UNREACHABLE' | 'SEARCH_ENGINE_FAILED' | 'HTTP_ERROR' | 'UNSUPPORTED_CONTENT' | 'NO_ARTICLE';

/** A tool-level failure whose message is written for the model; becomes an `isError` result. */
export class ToolFailure extends Error {
  override readonly name = 'ToolFailure';

  constructor(
    readonly code: ToolFailureCode,
    message: string,
  ) {
    super(message);
  }
}

const blockedHint =
  ' The web tools never reach loopback, private, link-local or other internal addresses unless an administrator allowlists them.';

/** Maps anything a tool body threw to an `isError` result, so no exception escapes a tool. */
export function failureResult(caught: unknown): CallToolResult {
  if (SafeFetchError.isInstance(caught)) {
    return error(caught.code === 'ADDRESS_BLOCKED' ? `${caught.message}.${blockedHint}` : caught.message);
  }
  if (caught instanceof ToolFailure) {
    return error(caught.message);
  }
  return error(`Unexpected failure: ${caught instanceof Error ? caught.message : String(caught)}`);
}

/** Runs a tool body and turns every failure into an `isError` result. */
export async function guarded(body: () => Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await body();
  } catch (caught) {
    return failureResult(caught);
  }
}

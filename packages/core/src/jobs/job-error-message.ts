/** `last_error` is for people reading a job's state; a stack or a huge message has no place there. */
export const MAX_JOB_ERROR_LENGTH = 2_000;

/**
 * What a failed attempt stores as `last_error`: `<code>: <message>`, where the code is the error's
 * string `code` (domain errors, Node system errors) or else its name, cut to {@link MAX_JOB_ERROR_LENGTH}.
 */
export function formatJobError(error: unknown): string {
  let text: string;
  if (error instanceof Error) {
    const code: unknown = (error as Error & { code?: unknown }).code;
    text = `${typeof code === 'string' ? code : error.name}: ${error.message}`;
  } else {
    text = `Error: ${String(error)}`;
  }
  return text.length > MAX_JOB_ERROR_LENGTH ? `${text.slice(0, MAX_JOB_ERROR_LENGTH - 1)}…` : text;
}

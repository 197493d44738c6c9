/** Reads a Server-Sent Events body into its `data:` JSON payloads (heartbeat comments skipped). */
export function parseSse(body: string): Record<string, unknown>[] {
  return body
    .split('\n\n')
    .map((frame) => frame.trim())
    .filter((frame) => frame.startsWith('data: '))
    .map((frame) => JSON.parse(frame.slice('data: '.length)) as Record<string, unknown>);
}

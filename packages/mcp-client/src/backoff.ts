/** Reconnect delays: exponential from `baseMs`, capped at `maxMs`, with ±25 % jitter. */
export function reconnectDelay(
  attempt: number,
  options: { baseMs: number; maxMs: number },
  random = Math.random,
): number {
  const exponential = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt));
  const jitter = exponential * 0.25 * (random() * 2 - 1);
  return Math.max(0, Math.round(exponential + jitter));
}

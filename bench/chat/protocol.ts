/** Messages between `bench/chat.bench.ts` and `bench/chat/scripted-llm-process.ts` (IPC). */
export type ControlMessage =
  | { type: 'enqueue'; id: number; count: number; tokens: number; delayMs: number }
  | { type: 'status'; id: number }
  | { type: 'close' };

export type ReplyMessage =
  | { type: 'ready'; baseUrl: string }
  | { type: 'enqueued'; id: number; pending: number }
  /** `requests`: chat requests received since the last `enqueue`; `lastBody`: the newest one's JSON body. */
  | { type: 'status'; id: number; pending: number; requests: number; lastBody: unknown };

/** The text of token `index` of a scripted answer. */
export function tokenText(index: number): string {
  return `token${String(index).padStart(2, '0')} `;
}

/** The whole scripted answer of `tokens` tokens. */
export function expectedText(tokens: number): string {
  return Array.from({ length: tokens }, (_, index) => tokenText(index)).join('');
}

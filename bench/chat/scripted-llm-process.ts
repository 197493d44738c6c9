/**
 * The scripted model server (test/support/scripted-llm) in its own process, for `bench/chat.bench.ts`,
 * so its CPU is not mixed with the benchmark client's. Started with `fork` (IPC channel); it answers:
 * - on start: `{ type: 'ready', baseUrl }`;
 * - `{ type: 'enqueue', id, count, tokens, delayMs }`: queues `count` streamed text answers of `tokens`
 *   text deltas with `delayMs` between them, then `{ type: 'enqueued', id, pending }`;
 * - `{ type: 'status', id }`: `{ type: 'status', id, pending, requests, lastBody }`;
 * - `{ type: 'close' }`: closes the server and exits.
 */
import { startScriptedLlm } from '../../test/support/scripted-llm/scripted-llm-server.ts';
import { steps, type ScriptStep } from '../../test/support/scripted-llm/script.ts';
import { tokenText, type ControlMessage, type ReplyMessage } from './protocol.ts';

/** A text answer streamed as `tokens` deltas, `delayMs` apart (no delay before the first). */
function streamedAnswer(tokens: number, delayMs: number): ScriptStep[] {
  const list: ScriptStep[] = [];
  for (let index = 0; index < tokens; index += 1) {
    if (index > 0) {
      list.push({ type: 'delay', ms: delayMs });
    }
    list.push({ type: 'text', text: tokenText(index) });
  }
  list.push({ type: 'usage', promptTokens: 40, completionTokens: tokens });
  return list;
}

const send = (message: ReplyMessage) => {
  process.send?.(message);
};

if (process.send === undefined) {
  throw new Error('bench/chat/scripted-llm-process.ts must be started with fork() (IPC channel)');
}

const llm = await startScriptedLlm({ models: ['gpt-oss:20b'] });
process.on('message', (raw: unknown) => {
  const message = raw as ControlMessage;
  switch (message.type) {
    case 'enqueue': {
      const script = steps(...streamedAnswer(message.tokens, message.delayMs));
      for (let index = 0; index < message.count; index += 1) {
        llm.enqueue(script);
      }
      // The recorded requests are not needed here; drop them so memory stays flat across levels.
      llm.requests.length = 0;
      send({ type: 'enqueued', id: message.id, pending: llm.pending() });
      break;
    }
    case 'status':
      send({
        type: 'status',
        id: message.id,
        pending: llm.pending(),
        requests: llm.requests.length,
        lastBody: llm.requests.at(-1)?.body,
      });
      break;
    case 'close':
      void llm.close().finally(() => {
        process.disconnect();
      });
      break;
  }
});
process.on('disconnect', () => {
  void llm.close();
});
send({ type: 'ready', baseUrl: llm.baseUrl });

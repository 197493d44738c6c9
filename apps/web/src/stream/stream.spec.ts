import { describe, expect, it } from 'vitest';
import { applyChatEvent, emptyAnswer } from './answer';
import { parseChatEvent, type ChatEvent } from './chat-events';
import { streamChat } from './chat-stream';
import { SseReader } from './sse';

const frames = [
  ': heartbeat\n\n',
  'data: {"type":"run-start","sequence":0,"runId":"r1","model":"m","startedAt":"2026-11-26T08:00:00.000Z","sessionId":"s1"}\n\n',
  'data: {"type":"reasoning-delta","sequence":1,"step":1,"text":"hmm"}\n\n',
  'data: {"type":"tool-call","sequence":2,"step":1,"toolCallId":"c0","toolName":"datetime__now","input":{"tz":"UTC"}}\n\n',
  'data: {"type":"tool-result","sequence":3,"step":1,"toolCallId":"c0","toolName":"datetime__now","output":"noon","durationMs":3}\n\n',
  'data: {"type":"text-delta","sequence":4,"step":2,"text":"It is "}\n\n',
  'data: {"type":"text-delta","sequence":5,"step":2,"text":"noon [1]. ✓"}\n\n',
  'data: {"type":"future-event","sequence":6}\n\n',
  'data: {"type":"run-end","sequence":7,"runId":"r1","finishReason":"stop","usage":{},"text":"It is noon [1]. ✓","citations":[{"n":1,"documentId":"d1","documentTitle":"Clock","page":2,"chunkId":"k1","snippet":"noon"}],"steps":2}\n\n',
];

describe('SseReader', () => {
  it('should return the same events however the text is split, skipping comments', () => {
    const whole = frames.join('');
    const reference = new SseReader().push(whole);
    expect(reference).toHaveLength(frames.length - 1);
    for (const size of [1, 2, 3, 7, 64]) {
      const reader = new SseReader();
      const events: string[] = [];
      for (let index = 0; index < whole.length; index += size) {
        events.push(...reader.push(whole.slice(index, index + size)));
      }
      events.push(...reader.end());
      expect(events, `slices of ${size}`).toEqual(reference);
    }
  });

  it('should join multi-line data, accept CRLF and flush an unterminated event at the end', () => {
    const reader = new SseReader();
    expect(reader.push('data: a\r\ndata: b\r\n\r\nevent: x\ndata:c')).toEqual(['a\nb']);
    expect(reader.end()).toEqual(['c']);
  });
});

describe('parseChatEvent and applyChatEvent', () => {
  it('should ignore non-JSON and unknown event types', () => {
    expect(parseChatEvent('not json')).toBeUndefined();
    expect(parseChatEvent('{"type":"future-event"}')).toBeUndefined();
    expect(parseChatEvent('[1]')).toBeUndefined();
  });

  it('should fold a run into the answer: reasoning, tool call and result, text, citations', () => {
    const events = new SseReader()
      .push(frames.join(''))
      .map(parseChatEvent)
      .filter((event): event is ChatEvent => event !== undefined);
    const answer = events.reduce(applyChatEvent, emptyAnswer);
    expect(answer).toMatchObject({
      text: 'It is noon [1]. ✓',
      reasoning: 'hmm',
      model: 'm',
      finishReason: 'stop',
      done: true,
      tools: [{ id: 'c0', name: 'datetime__now', status: 'success', output: 'noon', durationMs: 3 }],
      citations: [{ n: 1, documentId: 'd1', page: 2 }],
    });
  });

  it('should record tool errors and run errors', () => {
    const answer = [
      parseChatEvent(
        '{"type":"tool-call","sequence":0,"step":1,"toolCallId":"a","toolName":"t","input":"raw"}',
      ),
      parseChatEvent(
        '{"type":"tool-error","sequence":1,"step":1,"toolCallId":"a","toolName":"t","error":{"code":"TOOL_TIMEOUT","message":"slow"},"durationMs":9}',
      ),
      parseChatEvent(
        '{"type":"error","sequence":2,"code":"LLM_UNAVAILABLE","message":"No LLM reachable at http://127.0.0.1:11434","retryable":true}',
      ),
    ]
      .filter((event): event is ChatEvent => event !== undefined)
      .reduce(applyChatEvent, emptyAnswer);
    expect(answer.tools[0]).toMatchObject({ status: 'error', error: { code: 'TOOL_TIMEOUT' } });
    expect(answer.error?.code).toBe('LLM_UNAVAILABLE');
  });
});

describe('streamChat', () => {
  it('should deliver events from a streamed body cut at arbitrary bytes, including inside UTF-8', async () => {
    const bytes = new TextEncoder().encode(frames.join(''));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let index = 0; index < bytes.length; index += 5) {
          controller.enqueue(bytes.slice(index, index + 5));
        }
        controller.close();
      },
    });
    const fakeFetch = (() =>
      Promise.resolve(
        new Response(body, {
          headers: { 'content-type': 'text/event-stream', 'x-youworker-session-id': 's1' },
        }),
      )) as typeof fetch;
    const seen: ChatEvent[] = [];
    const result = await streamChat(
      { message: 'hi' },
      (event) => seen.push(event),
      new AbortController().signal,
      fakeFetch,
    );
    expect(result.sessionId).toBe('s1');
    expect(seen.map((event) => event.type)).toEqual([
      'run-start',
      'reasoning-delta',
      'tool-call',
      'tool-result',
      'text-delta',
      'text-delta',
      'run-end',
    ]);
    expect(
      seen
        .filter((event) => event.type === 'text-delta')
        .map((event) => event.text)
        .join(''),
    ).toBe('It is noon [1]. ✓');
  });

  it('should throw the JSON error envelope of a refused turn', async () => {
    const fakeFetch = (() =>
      Promise.resolve(
        Response.json(
          { error: { code: 'MODEL_NOT_ALLOWED', message: 'Model x is not allowed' }, requestId: 'q' },
          { status: 400 },
        ),
      )) as typeof fetch;
    await expect(
      streamChat({ message: 'hi' }, () => undefined, new AbortController().signal, fakeFetch),
    ).rejects.toMatchObject({
      status: 400,
      code: 'MODEL_NOT_ALLOWED',
    });
  });
});

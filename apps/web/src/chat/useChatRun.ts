import { useCallback, useRef, useState } from 'react';
import { describeError } from '../api/errors';
import { streamChat, type ChatRequest } from '../stream/chat-stream';
import { AnswerStore } from './answer-store';
import { fromAnswer, type DisplayMessage } from './messages';

let localIds = 0;
function localId(prefix: string): string {
  localIds += 1;
  return `${prefix}-${Date.now()}-${localIds}`;
}

/** Sends turns, streams the answer into an {@link AnswerStore}, and stops on demand. */
export function useChatRun(options: {
  append: (...messages: DisplayMessage[]) => void;
  onSession: (sessionId: string) => void;
}) {
  const storeRef = useRef(new AnswerStore());
  const controllerRef = useRef<AbortController | null>(null);
  const [streaming, setStreaming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { append, onSession } = options;

  const send = useCallback(
    async (request: ChatRequest) => {
      const store = storeRef.current;
      const controller = new AbortController();
      controllerRef.current = controller;
      store.reset();
      setError(null);
      append({
        id: localId('user'),
        role: 'user',
        text: request.message,
        reasoning: '',
        tools: [],
        citations: [],
        status: 'complete',
      });
      setStreaming(true);
      const seen: { sessionId: string | null } = { sessionId: null };
      try {
        const result = await streamChat(
          request,
          (event) => {
            store.apply(event);
            if (event.type === 'run-start' && event.sessionId) {
              seen.sessionId = event.sessionId;
            }
          },
          controller.signal,
        );
        seen.sessionId = seen.sessionId ?? result.sessionId;
        append(fromAnswer(localId('answer'), store.get()));
      } catch (caught) {
        if (controller.signal.aborted) {
          append({ ...fromAnswer(localId('answer'), store.get()), status: 'cancelled' });
        } else {
          setError(describeError(caught));
        }
      } finally {
        controllerRef.current = null;
        setStreaming(false);
        if (seen.sessionId !== null) {
          onSession(seen.sessionId);
        }
      }
    },
    [append, onSession],
  );

  const stop = useCallback(() => {
    controllerRef.current?.abort();
  }, []);

  return {
    store: storeRef.current,
    streaming,
    error,
    send,
    stop,
    clearError: () => {
      setError(null);
    },
  };
}

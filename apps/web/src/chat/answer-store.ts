import { useSyncExternalStore } from 'react';
import { applyChatEvent, emptyAnswer, type Answer } from '../stream/answer';
import type { ChatEvent } from '../stream/chat-events';

/**
 * The answer being streamed, outside React state: events are folded at once, and subscribers (only
 * the streaming message) are notified at most once per animation frame, so a fast stream costs one
 * render per frame and the rest of the conversation never re-renders.
 */
export class AnswerStore {
  private answer: Answer = emptyAnswer;
  private readonly listeners = new Set<() => void>();
  private scheduled = false;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  readonly get = (): Answer => this.answer;

  reset(): void {
    this.answer = emptyAnswer;
    this.notifyNow();
  }

  apply(event: ChatEvent): void {
    this.answer = applyChatEvent(this.answer, event);
    if (event.type === 'run-end' || event.type === 'error' || event.type === 'tool-call') {
      this.notifyNow();
    } else {
      this.schedule();
    }
  }

  private schedule(): void {
    if (this.scheduled) {
      return;
    }
    this.scheduled = true;
    requestAnimationFrame(() => {
      this.notifyNow();
    });
  }

  private notifyNow(): void {
    this.scheduled = false;
    for (const listener of this.listeners) {
      listener();
    }
  }
}

/** The current streamed answer of `store`. */
export function useAnswer(store: AnswerStore): Answer {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}

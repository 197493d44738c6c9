import { useLayoutEffect, useRef } from 'react';
import { useAnswer, type AnswerStore } from './answer-store';
import { fromAnswer } from './messages';
import { AnswerBody } from './MessageView';

/** How close to the bottom (px) the reader must be for the conversation to follow the answer. */
const followThreshold = 240;

/** The answer being streamed: the only part of the conversation that re-renders per frame. */
export function StreamingMessage({ store }: { store: AnswerStore }) {
  const answer = useAnswer(store);
  const ref = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    // Follow the answer while the reader is at the bottom; leave them alone when they scrolled up.
    const scroller = ref.current?.closest('.conversation');
    if (scroller && scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < followThreshold) {
      scroller.scrollTop = scroller.scrollHeight;
    }
  });
  return (
    <article
      ref={ref}
      className="message message-assistant streaming"
      aria-label="Assistant (answering)"
      aria-busy="true"
    >
      <AnswerBody message={fromAnswer('streaming', answer)} streaming />
    </article>
  );
}

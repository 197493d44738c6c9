import { fromAnswer } from './messages';
import { AnswerBody } from './MessageView';
import { useAnswer, type AnswerStore } from './answer-store';

/** The answer being streamed: the only part of the conversation that re-renders per frame. */
export function StreamingMessage({ store }: { store: AnswerStore }) {
  const answer = useAnswer(store);
  return (
    <article
      className="message message-assistant streaming"
      aria-label="Assistant (answering)"
      aria-busy="true"
    >
      <AnswerBody message={fromAnswer('streaming', answer)} streaming />
    </article>
  );
}

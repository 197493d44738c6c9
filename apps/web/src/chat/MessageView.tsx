import { memo, useState } from 'react';
import type { Citation } from '../stream/chat-events';
import { splitMarkdownBlocks } from '../markdown/blocks';
import { citationHref } from '../markdown/render';
import { followLink } from '../shell/Nav';
import { Markdown } from './Markdown';
import type { DisplayMessage } from './messages';
import { ToolCalls } from './ToolCalls';

/** What a message's action buttons do; only the last turn gets regenerate and edit. */
export interface MessageActions {
  onRegenerate?: () => void;
  onEdit?: () => void;
}

function Sources({ citations }: { citations: readonly Citation[] }) {
  if (citations.length === 0) {
    return null;
  }
  return (
    <ol className="sources" aria-label="Sources">
      {citations.map((citation) => {
        const href = citationHref(citation);
        return (
          <li key={citation.n} value={citation.n}>
            <a
              href={href}
              onClick={(event) => {
                followLink(event, href);
              }}
            >
              {citation.documentTitle}
              {citation.page !== null ? `, page ${citation.page}` : ''}
            </a>
          </li>
        );
      })}
    </ol>
  );
}

const noCitations: readonly Citation[] = [];

/** Streamed markdown by blocks: finished blocks are memoised, only the growing last one re-renders. */
function StreamingMarkdown({ text }: { text: string }) {
  const blocks = splitMarkdownBlocks(text);
  return (
    <div className="markdown-blocks">
      {blocks.map((block, index) => (
        <Markdown key={index} text={block} citations={noCitations} />
      ))}
    </div>
  );
}

function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      onClick={() => {
        void navigator.clipboard.writeText(text).then(() => {
          setCopied(true);
          setTimeout(() => {
            setCopied(false);
          }, 1500);
        });
      }}
    >
      {copied ? 'Copied' : 'Copy'}
    </button>
  );
}

/** The body of an assistant answer (also used by the streaming message). */
export function AnswerBody({ message, streaming }: { message: DisplayMessage; streaming: boolean }) {
  return (
    <>
      {message.reasoning !== '' && (
        <details className="reasoning">
          <summary>Reasoning</summary>
          <p>{message.reasoning}</p>
        </details>
      )}
      <ToolCalls tools={message.tools} />
      {message.text === '' && streaming && message.tools.length === 0 ? (
        <p className="muted thinking">Thinking…</p>
      ) : streaming ? (
        <StreamingMarkdown text={message.text} />
      ) : (
        <Markdown text={message.text} citations={message.citations} />
      )}
      {message.error && (
        <p role="alert" className="error">
          {message.error.message}
          {message.error.code === 'LLM_UNAVAILABLE' ? ' — start Ollama or set LLM_BASE_URL.' : ''}
        </p>
      )}
      {message.status === 'cancelled' && <p className="muted">Stopped.</p>}
      <Sources citations={message.citations} />
    </>
  );
}

/** One finished message. Memoised: a new token never re-renders finished messages. */
export const MessageView = memo(function MessageView({
  message,
  actions,
}: {
  message: DisplayMessage;
  actions?: MessageActions;
}) {
  return (
    <article
      className={`message message-${message.role}`}
      aria-label={message.role === 'user' ? 'You' : 'Assistant'}
    >
      {message.role === 'user' ? (
        <p className="user-text">{message.text}</p>
      ) : (
        <AnswerBody message={message} streaming={false} />
      )}
      <div className="message-actions">
        {message.role === 'assistant' && <CopyButton text={message.text} />}
        {actions?.onRegenerate && (
          <button type="button" onClick={actions.onRegenerate}>
            Regenerate
          </button>
        )}
        {actions?.onEdit && (
          <button type="button" onClick={actions.onEdit}>
            Edit
          </button>
        )}
      </div>
    </article>
  );
});

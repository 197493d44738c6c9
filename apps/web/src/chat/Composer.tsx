import { forwardRef, useState, type KeyboardEvent } from 'react';

interface ComposerProps {
  streaming: boolean;
  disabled?: boolean;
  initialText?: string;
  onSend: (text: string) => void;
  onStop: () => void;
}

/** The message box: Enter sends, Shift+Enter adds a line, Esc stops a running answer. */
export const Composer = forwardRef<HTMLTextAreaElement, ComposerProps>(function Composer(
  { streaming, disabled = false, initialText = '', onSend, onStop },
  ref,
) {
  const [text, setText] = useState(initialText);

  function send() {
    const message = text.trim();
    if (message === '' || streaming || disabled) {
      return;
    }
    onSend(message);
    setText('');
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    } else if (event.key === 'Escape' && streaming) {
      event.preventDefault();
      onStop();
    }
  }

  return (
    <form
      className="composer"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <label htmlFor="composer-input" className="visually-hidden">
        Message
      </label>
      <textarea
        id="composer-input"
        ref={ref}
        rows={2}
        placeholder="Ask anything — Enter to send, Shift+Enter for a new line"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
        }}
        onKeyDown={onKeyDown}
        disabled={disabled}
      />
      {streaming ? (
        <button type="button" className="danger" onClick={onStop}>
          Stop
        </button>
      ) : (
        <button type="submit" className="primary" disabled={text.trim() === '' || disabled}>
          Send
        </button>
      )}
    </form>
  );
});

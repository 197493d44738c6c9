import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError } from '../api/errors';
import { navigate, type Route } from '../shell/router';
import { fromStored, type DisplayMessage } from './messages';
import { MessageView } from './MessageView';
import { Composer } from './Composer';
import { DocumentScope, scopeRequest, type ScopeChoice } from './DocumentScope';
import { useModels } from './models';
import { SessionSidebar } from './SessionSidebar';
import { sessionsKey, useSessionDetail } from './sessions';
import { StreamingMessage } from './StreamingMessage';
import { useChatRun } from './useChatRun';

function sessionIdOf(path: string): string | undefined {
  const match = /^\/chat\/([0-9a-f-]{36})$/i.exec(path);
  return match?.[1];
}

/** Chat: sessions sidebar, conversation, composer; Ctrl/⌘+K starts a new chat. */
export function ChatScreen({ route }: { route: Route }) {
  const sessionId = sessionIdOf(route.path);
  const queryClient = useQueryClient();
  const detail = useSessionDetail(sessionId);
  const models = useModels();
  const [messages, setMessages] = useState<DisplayMessage[]>([]);
  const [model, setModel] = useState<string>('');
  const [tools, setTools] = useState(true);
  const [scope, setScope] = useState<ScopeChoice>({ kind: 'all' });
  const [draft, setDraft] = useState({ text: '', nonce: 0 });
  const adopted = useRef<string | undefined>(undefined);
  const composer = useRef<HTMLTextAreaElement>(null);
  const endRef = useRef<HTMLDivElement>(null);

  const append = useCallback((...added: DisplayMessage[]) => {
    setMessages((current) => [...current, ...added]);
  }, []);
  const onSession = useCallback(
    (id: string) => {
      void queryClient.invalidateQueries({ queryKey: [...sessionsKey, 'list'] });
      if (id !== sessionId) {
        // The conversation on screen is this new session's: keep it rather than reload it.
        adopted.current = id;
        navigate(`/chat/${id}`);
      }
    },
    [queryClient, sessionId],
  );
  const run = useChatRun({ append, onSession });

  useEffect(() => {
    if (sessionId === undefined) {
      if (adopted.current === undefined) {
        setMessages([]);
      }
      return;
    }
    if (adopted.current === sessionId) {
      return;
    }
    if (detail.data) {
      adopted.current = sessionId;
      setMessages(detail.data.messages.map(fromStored));
    }
  }, [sessionId, detail.data]);

  const newChat = useCallback(() => {
    run.stop();
    adopted.current = undefined;
    setMessages([]);
    navigate('/chat');
    composer.current?.focus();
  }, [run]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        newChat();
      }
    }
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
    };
  }, [newChat]);

  useEffect(() => {
    endRef.current?.scrollIntoView({ block: 'end' });
  }, [messages.length, run.streaming]);

  const send = (text: string) => {
    void run.send({ message: text, sessionId, tools, ...scopeRequest(scope), ...(model ? { model } : {}) });
  };
  const lastUser = [...messages].reverse().find((message) => message.role === 'user');
  const last = messages.at(-1);
  const lastActions =
    !run.streaming && lastUser && last?.role === 'assistant'
      ? {
          onRegenerate: () => {
            send(lastUser.text);
          },
          onEdit: () => {
            setDraft((current) => ({ text: lastUser.text, nonce: current.nonce + 1 }));
            composer.current?.focus();
          },
        }
      : undefined;

  return (
    <div className="chat-layout">
      <SessionSidebar
        currentId={sessionId}
        onNewChat={newChat}
        onDeleted={(id) => {
          if (id === sessionId) {
            newChat();
          }
        }}
      />
      <main className="chat" id="main">
        <header className="chat-header">
          <h1 className="visually-hidden">Chat</h1>
          <label>
            Model{' '}
            <select
              value={model}
              onChange={(event) => {
                setModel(event.target.value);
              }}
            >
              <option value="">Default</option>
              {models.data?.map((id) => (
                <option key={id} value={id}>
                  {id}
                </option>
              ))}
            </select>
          </label>
          <DocumentScope value={scope} onChange={setScope} />
          <label className="toggle">
            <input
              type="checkbox"
              checked={tools}
              onChange={(event) => {
                setTools(event.target.checked);
              }}
            />{' '}
            Tools
          </label>
        </header>
        <section className="conversation" aria-label="Conversation">
          {sessionId !== undefined && detail.isPending && messages.length === 0 && (
            <p className="muted" role="status">
              Loading conversation…
            </p>
          )}
          {detail.isError && <p className="error">{describeError(detail.error)}</p>}
          {messages.length === 0 && !run.streaming && sessionId === undefined && (
            <div className="empty">
              <h2>What can I help with?</h2>
              <p className="muted">
                Ask a question; with documents uploaded, answers cite them. Enter sends, Shift+Enter adds a
                line, Esc stops, Ctrl/⌘+K starts a new chat.
              </p>
            </div>
          )}
          {messages.map((message) => (
            <MessageView
              key={message.id}
              message={message}
              actions={message === last ? lastActions : undefined}
            />
          ))}
          <div aria-live="polite" className="live-answer">
            {run.streaming && <StreamingMessage store={run.store} />}
          </div>
          {run.error && (
            <p role="alert" className="error">
              {run.error}
            </p>
          )}
          <div ref={endRef} />
        </section>
        <Composer
          key={draft.nonce}
          ref={composer}
          initialText={draft.text}
          streaming={run.streaming}
          onSend={send}
          onStop={run.stop}
        />
      </main>
    </div>
  );
}

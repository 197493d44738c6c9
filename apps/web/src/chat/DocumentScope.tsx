import type { ChatRequest } from '../stream/chat-stream';
import { useDocuments } from '../documents/queries';
import { useMyGroups } from '../groups/queries';
import { LoadMore } from '../ui/LoadMore';

/** Which documents a turn searches: all I can see, none, one group, or chosen documents. */
export type ScopeChoice =
  | { kind: 'all' }
  | { kind: 'none' }
  | { kind: 'group'; groupId: string }
  | { kind: 'documents'; documentIds: string[] };

/** The `rag` and `scope` fields of a chat request for a scope choice. */
export function scopeRequest(choice: ScopeChoice): Pick<ChatRequest, 'rag' | 'scope'> {
  switch (choice.kind) {
    case 'all':
      return { rag: 'auto' };
    case 'none':
      return { rag: 'off' };
    case 'group':
      return { rag: 'auto', scope: { groupId: choice.groupId } };
    case 'documents':
      return choice.documentIds.length > 0
        ? { rag: 'auto', scope: { documentIds: choice.documentIds } }
        : { rag: 'auto' };
  }
}

function ChosenDocuments({ value, onChange }: { value: string[]; onChange: (ids: string[]) => void }) {
  const documents = useDocuments({ status: 'ready' });
  return (
    <>
      <label>
        <span className="visually-hidden">Documents to search</span>
        <select
          multiple
          size={3}
          value={value}
          onChange={(event) => {
            onChange(Array.from(event.target.selectedOptions, (option) => option.value));
          }}
        >
          {documents.data?.map((document) => (
            <option key={document.id} value={document.id}>
              {document.title}
            </option>
          ))}
        </select>
      </label>
      <LoadMore query={documents} what="documents to search" />
    </>
  );
}

/** The documents selector of the chat header. */
export function DocumentScope({
  value,
  onChange,
}: {
  value: ScopeChoice;
  onChange: (choice: ScopeChoice) => void;
}) {
  const groups = useMyGroups();
  const selected = value.kind === 'group' ? `group:${value.groupId}` : value.kind;
  return (
    <>
      <label>
        Documents{' '}
        <select
          value={selected}
          onChange={(event) => {
            const next = event.target.value;
            if (next.startsWith('group:')) {
              onChange({ kind: 'group', groupId: next.slice('group:'.length) });
            } else if (next === 'documents') {
              onChange({ kind: 'documents', documentIds: [] });
            } else {
              onChange(next === 'none' ? { kind: 'none' } : { kind: 'all' });
            }
          }}
        >
          <option value="all">All I can read</option>
          {groups.data?.map((group) => (
            <option key={group.id} value={`group:${group.id}`}>
              Group: {group.name}
            </option>
          ))}
          <option value="documents">Chosen documents…</option>
          <option value="none">None (no retrieval)</option>
        </select>
      </label>
      {value.kind === 'documents' && (
        <ChosenDocuments
          value={value.documentIds}
          onChange={(documentIds) => {
            onChange({ kind: 'documents', documentIds });
          }}
        />
      )}
    </>
  );
}

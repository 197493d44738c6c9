/** A text column whose values are stored encrypted (`yw1:<keyId>:…`, see docs/encryption.md). */
export interface EncryptedColumn {
  /** Table name (lower-case identifier, no schema). */
  readonly table: string;
  /** Unique, sortable key column the rotation walks in order (usually the primary key). */
  readonly idColumn: string;
  /** The encrypted column; NULL values are skipped. */
  readonly column: string;
  /** Whether the value was encrypted with the row id (as text) as associated data. */
  readonly aadFromId?: boolean;
}

/**
 * Every encrypted column, so `youworker keys rotate` can re-encrypt them all with the current key.
 * A feature that stores an encrypted column registers it here in the same change. Names come only from this list, never from user input.
 */
export const encryptedColumns: readonly EncryptedColumn[] = [
  { table: 'chat_messages', idColumn: 'id', column: 'content', aadFromId: true },
  { table: 'chat_messages', idColumn: 'id', column: 'citations', aadFromId: true },
  { table: 'tool_runs', idColumn: 'id', column: 'arguments', aadFromId: true },
  { table: 'tool_runs', idColumn: 'id', column: 'result_preview', aadFromId: true },
];

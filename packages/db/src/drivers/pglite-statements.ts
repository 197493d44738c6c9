import { protocol, type PGlite } from '@electric-sql/pglite';
import { toTextParameter } from './pglite-parameters.ts';

const { serialize } = protocol;

/** Statements after which cached plans may describe tables that changed: the cache is emptied. */
const SCHEMA_CHANGE = /^\s*(create|alter|drop|truncate|comment|do|reindex|grant|revoke|security)\b/i;
/** SQLSTATE of "cached plan must not change result type" (feature_not_supported). */
const CACHED_PLAN_CHANGED = '0A000';
const DEFAULT_CAPACITY = 256;
/** Prepared statement names are unique in the process: several runners may share one PGlite. */
let statementCounter = 0;

export interface StatementResult {
  rows: Record<string, unknown>[];
  /** The command tag's verb (`SELECT`, `INSERT`, …) and its row count. */
  command: string;
  rowCount: number;
}

interface FieldDescription {
  name: string;
  dataTypeID: number;
}

interface ProtocolMessage {
  name: string;
  fields?: unknown[];
  text?: string;
}

/**
 * Runs statements on an embedded PGlite instance with one call into PostgreSQL each: Parse (only the
 * first time a statement's text is seen: it is kept as a named prepared statement), Bind, Describe,
 * Execute and Sync go in one message buffer. `PGlite.query` makes six calls per statement (Parse,
 * Describe, Bind, Describe, Execute, Sync) and copies its table of 300+ type parsers for each one;
 * this runner answers the same statements in about a third of the time (measured in
 * docs/benchmarks.md). Parameters are sent as text with their type inferred by PostgreSQL, exactly as
 * node-postgres does in production mode. The caller runs one statement at a time.
 */
export class PGliteStatements {
  /** Statement text → prepared statement name, least recently used first. */
  private readonly prepared = new Map<string, string>();
  private readonly toClose: string[] = [];

  constructor(
    private readonly client: PGlite,
    private readonly capacity = DEFAULT_CAPACITY,
  ) {}

  /** How many prepared statements are kept (for tests). */
  get preparedCount(): number {
    return this.prepared.size;
  }

  async run(text: string, parameters: readonly unknown[]): Promise<StatementResult> {
    if (this.client.closed) {
      throw new Error('The embedded database is closed');
    }
    await this.closeDropped();
    if (SCHEMA_CHANGE.test(text)) {
      const result = await this.execute('', text, parameters);
      this.forgetAll();
      return result;
    }
    const known = this.prepared.get(text);
    if (known === undefined) {
      return this.prepareAndExecute(text, parameters);
    }
    this.prepared.delete(text);
    this.prepared.set(text, known);
    try {
      return await this.execute(known, undefined, parameters);
    } catch (error) {
      if ((error as { code?: unknown }).code !== CACHED_PLAN_CHANGED) {
        throw error;
      }
      this.forget(text);
      if (this.client.isInTransaction()) {
        throw error;
      }
      return this.prepareAndExecute(text, parameters);
    }
  }

  private async prepareAndExecute(text: string, parameters: readonly unknown[]): Promise<StatementResult> {
    const name = `yw_${++statementCounter}`;
    try {
      const result = await this.execute(name, text, parameters);
      this.remember(text, name);
      return result;
    } catch (error) {
      // The Parse may have succeeded before the error: drop whatever exists under this name.
      this.toClose.push(name);
      throw error;
    }
  }

  /** One round trip: [Parse] Bind Describe Execute Sync. `parseText` undefined = already prepared. */
  private async execute(
    name: string,
    parseText: string | undefined,
    parameters: readonly unknown[],
  ): Promise<StatementResult> {
    const parts: Uint8Array[] = [];
    if (parseText !== undefined) {
      parts.push(serialize.parse({ name, text: parseText, types: [] }));
    }
    parts.push(
      serialize.bind({ statement: name, values: parameters.map(toTextParameter) }),
      serialize.describe({ type: 'P' }),
      serialize.execute({}),
      serialize.sync(),
    );
    const { messages } = await this.client.execProtocol(concat(parts));
    return this.collect(messages);
  }

  private collect(messages: readonly ProtocolMessage[]): StatementResult {
    let fields: FieldDescription[] = [];
    const rows: Record<string, unknown>[] = [];
    let command = '';
    let rowCount = 0;
    for (const message of messages) {
      if (message.name === 'rowDescription') {
        fields = message.fields as FieldDescription[];
      } else if (message.name === 'dataRow') {
        rows.push(this.toRow(fields, message.fields as (string | null)[]));
      } else if (message.name === 'commandComplete') {
        const words = (message.text ?? '').split(' ');
        command = words[0] ?? '';
        rowCount = Number(words[words.length - 1]) || 0;
      }
    }
    return { rows, command, rowCount };
  }

  private toRow(fields: readonly FieldDescription[], values: readonly (string | null)[]) {
    const row: Record<string, unknown> = {};
    fields.forEach((field, index) => {
      const value = values[index] ?? null;
      const parser = this.client.parsers[field.dataTypeID];
      row[field.name] = value === null ? null : parser ? parser(value, field.dataTypeID) : value;
    });
    return row;
  }

  private remember(text: string, name: string): void {
    this.prepared.set(text, name);
    if (this.prepared.size > this.capacity) {
      const oldest = this.prepared.keys().next().value;
      if (oldest !== undefined) {
        this.forget(oldest);
      }
    }
  }

  private forget(text: string): void {
    const name = this.prepared.get(text);
    if (name !== undefined) {
      this.prepared.delete(text);
      this.toClose.push(name);
    }
  }

  private forgetAll(): void {
    for (const name of this.prepared.values()) {
      this.toClose.push(name);
    }
    this.prepared.clear();
  }

  /** Closes dropped prepared statements in their own round trip (closing an unknown name is no error). */
  private async closeDropped(): Promise<void> {
    if (this.toClose.length === 0) {
      return;
    }
    const names = this.toClose.splice(0);
    const parts = names.map((name) => serialize.close({ type: 'S', name }));
    parts.push(serialize.sync());
    await this.client.execProtocol(concat(parts), { throwOnError: false });
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) {
    length += part.length;
  }
  const buffer = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    buffer.set(part, offset);
    offset += part.length;
  }
  return buffer;
}

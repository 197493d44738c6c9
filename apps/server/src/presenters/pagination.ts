import { ValidationError } from '@youworker/core';

/** An opaque keyset cursor over (a timestamp, an id). */
export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
}

/** The (timestamp, id) of a cursor, or undefined when it is not one of ours. */
export function decodeCursor(cursor: string): { at: Date; id: string } | undefined {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(at ?? '');
  return id && !Number.isNaN(date.getTime()) ? { at: date, id } : undefined;
}

/** The position a request's `cursor` points at; a cursor that is not one of ours is a 400. */
export function cursorPosition(cursor: string | undefined): { at: Date; id: string } | undefined {
  if (cursor === undefined) {
    return undefined;
  }
  const position = decodeCursor(cursor);
  if (!position) {
    throw new ValidationError({ code: 'INVALID_CURSOR', message: 'The cursor is not valid' });
  }
  return position;
}

/**
 * One page from `limit + 1` fetched rows: the extra row only tells that another page exists, and the
 * cursor points after the last row shown.
 */
export function pageOf<T, U>(
  fetched: T[],
  limit: number,
  options: { present: (item: T) => U; cursorOf: (item: T) => string },
): { items: U[]; nextCursor: string | null } {
  const items = fetched.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(options.present),
    nextCursor: fetched.length > limit && last !== undefined ? options.cursorOf(last) : null,
  };
}

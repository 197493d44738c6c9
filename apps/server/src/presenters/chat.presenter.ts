import type { ChatMessageView } from '@youworker/core';
import type { ChatSessionRecord } from '@youworker/db';

/** The API view of a chat session. */
export function presentSession(session: ChatSessionRecord) {
  return {
    id: session.id,
    title: session.title,
    pinned: session.pinned,
    model: session.model,
    createdAt: session.createdAt.toISOString(),
    updatedAt: session.updatedAt.toISOString(),
  };
}

export function presentMessage(message: ChatMessageView) {
  return { ...message, createdAt: message.createdAt.toISOString() };
}

/** Opaque keyset cursor over (updatedAt, id), newest first. */
export function encodeSessionCursor(session: ChatSessionRecord): string {
  return Buffer.from(`${session.updatedAt.toISOString()}|${session.id}`).toString('base64url');
}

export function decodeSessionCursor(cursor: string): { updatedAt: Date; id: string } | undefined {
  const [updatedAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(updatedAt ?? '');
  return id && !Number.isNaN(date.getTime()) ? { updatedAt: date, id } : undefined;
}

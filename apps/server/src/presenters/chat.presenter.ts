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

import { describe, expect, it } from 'vitest';
import { scopeRequest } from './DocumentScope';

describe('scopeRequest', () => {
  it('should map each document scope to the chat request fields', () => {
    expect(scopeRequest({ kind: 'all' })).toEqual({ rag: 'auto' });
    expect(scopeRequest({ kind: 'none' })).toEqual({ rag: 'off' });
    expect(scopeRequest({ kind: 'group', groupId: 'g1' })).toEqual({ rag: 'auto', scope: { groupId: 'g1' } });
    expect(scopeRequest({ kind: 'documents', documentIds: ['d1', 'd2'] })).toEqual({
      rag: 'auto',
      scope: { documentIds: ['d1', 'd2'] },
    });
    expect(scopeRequest({ kind: 'documents', documentIds: [] })).toEqual({ rag: 'auto' });
  });
});

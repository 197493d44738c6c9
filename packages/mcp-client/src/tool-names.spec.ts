import { describe, expect, it } from 'vitest';
import { isToolAllowed, qualifiedToolName, TOOL_NAME_PATTERN } from './tool-names.ts';

describe('qualifiedToolName', () => {
  it('should join server and tool with a double underscore', () => {
    expect(qualifiedToolName('datetime', 'now')).toBe('datetime__now');
  });

  it('should keep names valid for Ollama and OpenAI, unique and stable', () => {
    const dotted = qualifiedToolName('files', 'read.file');
    const underscored = qualifiedToolName('files', 'read_file');
    expect(dotted).toMatch(TOOL_NAME_PATTERN);
    expect(dotted).not.toBe(underscored);
    expect(qualifiedToolName('files', 'read.file')).toBe(dotted);

    const long = qualifiedToolName('server-with-a-long-name', 'x'.repeat(80));
    expect(long).toMatch(TOOL_NAME_PATTERN);
    expect(long).not.toBe(qualifiedToolName('server-with-a-long-name', `${'x'.repeat(79)}y`));
  });
});

describe('isToolAllowed', () => {
  it('should apply the deny list before the allow list', () => {
    expect(isToolAllowed('a', { denyTools: [] })).toBe(true);
    expect(isToolAllowed('a', { allowTools: ['b'], denyTools: [] })).toBe(false);
    expect(isToolAllowed('a', { allowTools: ['a'], denyTools: ['a'] })).toBe(false);
  });
});

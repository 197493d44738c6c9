import { describe, expect, it } from 'vitest';
import { testTool } from './testing/agent-test-helpers.ts';
import { createLocalToolRegistry } from './tool-registry.ts';

const noop = async () => ({ content: '' });

describe('createLocalToolRegistry', () => {
  it('should list its tools', async () => {
    const registry = createLocalToolRegistry([testTool('a', noop), testTool('b', noop)]);
    expect((await registry.list()).map((tool) => tool.name)).toEqual(['a', 'b']);
  });

  it('should reject duplicate and invalid names', () => {
    expect(() => createLocalToolRegistry([testTool('a', noop), testTool('a', noop)])).toThrow(/Duplicate/);
    expect(() => createLocalToolRegistry([testTool('web.search', noop)])).toThrow(/Invalid tool name/);
  });
});

import { describe, expect, it } from 'vitest';
import { splitMarkdownBlocks } from './blocks';

describe('splitMarkdownBlocks', () => {
  it('should split at blank lines but keep code fences whole', () => {
    const text = 'One\nstill one\n\n\nTwo\n\n```ts\nconst a = 1;\n\nconst b = 2;\n```\n\n- x\n- y';
    expect(splitMarkdownBlocks(text)).toEqual([
      'One\nstill one',
      'Two',
      '```ts\nconst a = 1;\n\nconst b = 2;\n```',
      '- x\n- y',
    ]);
  });

  it('should keep an unfinished fence in the last block while it streams', () => {
    expect(splitMarkdownBlocks('Intro\n\n```py\nprint(1)\n\nprint(2)')).toEqual([
      'Intro',
      '```py\nprint(1)\n\nprint(2)',
    ]);
  });
});

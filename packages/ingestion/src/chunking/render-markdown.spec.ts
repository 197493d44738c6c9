import { describe, expect, it } from 'vitest';
import { buildDocument } from './chunk-test-helpers.ts';
import { renderDocument, renderMarkdown } from './render-markdown.ts';

describe(renderMarkdown.name, () => {
  it('should join blocks with blank lines and render headings with # marks by level', () => {
    const doc = buildDocument([
      { kind: 'heading', level: 1, text: 'Title' },
      { kind: 'paragraph', text: 'Body text.  \n' },
      { kind: 'heading', level: 9, text: 'Too\ndeep' },
      { kind: 'heading', text: 'No level' },
      { kind: 'list', text: '- a\n- b' },
    ]);
    expect(renderMarkdown(doc)).toBe('# Title\n\nBody text.\n\n###### Too deep\n\n# No level\n\n- a\n- b');
  });

  it('should leave blank blocks out and record the offsets of the others', () => {
    const doc = buildDocument([
      { kind: 'paragraph', text: 'One.' },
      { kind: 'paragraph', text: '   ' },
      { kind: 'heading', level: 2, text: '' },
      { kind: 'code', text: '```\nx\n```' },
    ]);
    const rendered = renderDocument(doc);
    expect(rendered.text).toBe('One.\n\n```\nx\n```');
    expect(rendered.blocks).toEqual([
      { blockIndex: 0, start: 0, end: 4 },
      { blockIndex: 3, start: 6, end: 15 },
    ]);
  });
});

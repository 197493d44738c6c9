import { describe, expect, it } from 'vitest';
import { flattenJson } from './json-parser.ts';
import { markdownBlocks } from './markdown-parser.ts';
import { parseDocument } from './parse-document.ts';

const utf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));

describe('parseCsv', () => {
  it('sniffs the delimiter and keeps quoted commas and line breaks in their cells', async () => {
    const csv =
      'name;comment;score\r\n"Lozano, Dr";"line one\nline two";3\r\nBob;"say ""hi""";4\r\nAnn;short\r\n';
    const document = await parseDocument(utf8(csv), { filename: 'scores.csv' });
    expect(document.mimeType).toBe('text/csv');
    expect(document.blocks).toEqual([
      {
        kind: 'table',
        text: '| name | comment | score |\n| --- | --- | --- |\n| Lozano, Dr | line one line two | 3 |\n| Bob | say "hi" | 4 |\n| Ann | short |  |',
      },
    ]);
  });

  it('escapes pipes inside cells and refuses more cells than maxSheetCells', async () => {
    const document = await parseDocument(utf8('a\tb\nx|y\tz\n'), { filename: 'pairs.tsv' });
    expect(document.blocks[0]?.text).toBe('| a | b |\n| --- | --- |\n| x\\|y | z |');
    await expect(
      parseDocument(utf8('a,b\n1,2\n3,4\n'), { limits: { maxSheetCells: 3 } }),
    ).rejects.toMatchObject({
      code: 'LIMIT_EXCEEDED',
    });
  });
});

describe('parseMarkdown', () => {
  it('splits headings, paragraphs, lists, tables, code and quotes', () => {
    const markdown = [
      '---',
      'title: Guide',
      '---',
      '# Setup',
      '',
      'Install it.',
      'Then run it.',
      '',
      '- one',
      '  - nested',
      '- two',
      '',
      '| a | b |',
      '|---|---|',
      '| 1 | 2 |',
      '',
      '```js',
      'run();',
      '',
      '```',
      '> quoted',
      '',
      'Closing',
      '=======',
    ].join('\n');
    expect(markdownBlocks(markdown)).toEqual({
      title: 'Guide',
      blocks: [
        { kind: 'heading', text: 'Setup', level: 1 },
        { kind: 'paragraph', text: 'Install it.\nThen run it.' },
        { kind: 'list', text: '- one\n  - nested\n- two' },
        { kind: 'table', text: '| a | b |\n|---|---|\n| 1 | 2 |' },
        { kind: 'code', text: '```js\nrun();\n\n```' },
        { kind: 'quote', text: '> quoted' },
        { kind: 'heading', text: 'Closing', level: 1 },
      ],
    });
  });
});

describe('parseJson and plain text', () => {
  it('flattens JSON into key paths, in blocks cut between top-level entries', async () => {
    expect(flattenJson({ order: { items: [{ sku: 'A-1', qty: 2 }], 'ship to': null } })).toEqual([
      'order.items[0].sku: A-1',
      'order.items[0].qty: 2',
      'order["ship to"]: null',
    ]);
    const document = await parseDocument(utf8('{"name": "Duck", "tags": ["bird", "water"]}'));
    expect(document.blocks).toEqual([
      { kind: 'list', text: '- name: Duck\n- tags[0]: bird\n- tags[1]: water' },
    ]);
    const rows = Array.from({ length: 150 }, (_, index) => ({ id: index, name: `row ${index}` }));
    const large = await parseDocument(new Uint8Array(Buffer.from(JSON.stringify(rows))));
    expect(large.blocks.map((block) => block.text.split('\n').length)).toEqual([200, 100]);
    expect(large.blocks[1]?.text.startsWith('- [100].id: 100')).toBe(true);
  });

  it('splits plain text into paragraphs at blank lines and decodes legacy encodings', async () => {
    const document = await parseDocument(utf8('First line\nsecond line\n\n\nNext paragraph\n'));
    expect(document.blocks.map((block) => block.text)).toEqual(['First line\nsecond line', 'Next paragraph']);
    const latin1 = new Uint8Array(Buffer.from('Caf\xe9 cr\xe8me', 'latin1'));
    expect((await parseDocument(latin1)).blocks[0]?.text).toBe('Café crème');
    await expect(parseDocument(utf8('  \n\n '))).rejects.toMatchObject({ code: 'EMPTY_DOCUMENT' });
  });
});

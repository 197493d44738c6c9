import { describe, expect, it } from 'vitest';
import { chunkDocument } from './chunk-document.ts';
import { buildDocument, contractViolations, isWellFormedText, pseudoWords } from './chunk-test-helpers.ts';
import { ChunkingError } from './chunking-error.ts';
import { countTokens } from './count-tokens.ts';
import { renderMarkdown } from './render-markdown.ts';

const sentence = (index: number) => `Sentence ${index} explains one more detail of the procedure.`;
const sentences = (from: number, count: number) =>
  Array.from({ length: count }, (_, offset) => sentence(from + offset)).join(' ');

describe(chunkDocument.name, () => {
  describe('structure', () => {
    const doc = buildDocument([
      { kind: 'paragraph', text: 'Preamble.', page: 1 },
      { kind: 'heading', level: 1, text: 'Guide', page: 1 },
      { kind: 'heading', level: 2, text: 'Install', page: 1 },
      { kind: 'paragraph', text: 'Install text.', page: 1 },
      { kind: 'heading', level: 3, text: 'Linux', page: 2 },
      { kind: 'paragraph', text: 'Linux text.', page: 2 },
      { kind: 'heading', level: 2, text: 'Usage', page: 3 },
      { kind: 'paragraph', text: 'Usage text.', page: 3 },
      { kind: 'heading', level: 1, text: 'Appendix', page: 4 },
      { kind: 'paragraph', text: 'Appendix text.', page: 4 },
    ]);

    it('should start a chunk at every heading and track the heading path by level', () => {
      const chunks = chunkDocument(doc);
      expect(chunks.map((chunk) => chunk.headingPath)).toEqual([
        [],
        ['Guide', 'Install'],
        ['Guide', 'Install', 'Linux'],
        ['Guide', 'Usage'],
        ['Appendix'],
      ]);
      expect(contractViolations(doc, chunks, 512)).toEqual([]);
    });

    it('should keep a heading with the deeper headings that directly follow it', () => {
      const [, guide] = chunkDocument(doc);
      expect(guide?.text).toBe('Guide > Install\n\n# Guide\n\n## Install\n\nInstall text.');
    });

    it('should prefix the breadcrumb to the exact rendered body', () => {
      const rendered = renderMarkdown(doc);
      for (const chunk of chunkDocument(doc)) {
        const breadcrumb = chunk.headingPath.length > 0 ? `${chunk.headingPath.join(' > ')}\n\n` : '';
        expect(chunk.text).toBe(breadcrumb + rendered.slice(chunk.charStart, chunk.charEnd));
      }
    });

    it("should take the page of the chunk's first block", () => {
      expect(chunkDocument(doc).map((chunk) => chunk.page)).toEqual([1, 1, 2, 3, 4]);
    });

    it('should start a chunk at a change of sheet and record the sheet', () => {
      const sheets = buildDocument([
        { kind: 'table', text: '| a |\n| --- |\n| 1 |', sheet: 'Budget' },
        { kind: 'table', text: '| b |\n| --- |\n| 2 |', sheet: 'Staff' },
      ]);
      const chunks = chunkDocument(sheets);
      expect(chunks.map((chunk) => [chunk.sheet, chunk.text])).toEqual([
        ['Budget', '| a |\n| --- |\n| 1 |'],
        ['Staff', '| b |\n| --- |\n| 2 |'],
      ]);
    });

    it('should drop outer headings from a breadcrumb longer than a quarter of maxTokens', () => {
      const long = pseudoWords(40).join(' ');
      const deep = buildDocument([
        { kind: 'heading', level: 1, text: long },
        { kind: 'heading', level: 2, text: 'Short' },
        { kind: 'paragraph', text: 'Body.' },
      ]);
      const chunks = chunkDocument(deep, { maxTokens: 64, overlapTokens: 0 });
      expect(contractViolations(deep, chunks, 64)).toEqual([]);
      const body = chunks.at(-1);
      expect(body?.headingPath).toEqual([long, 'Short']);
      expect(body?.text).toBe('Short\n\n## Short\n\nBody.');
    });
  });

  describe('packing and splitting', () => {
    it('should pack many tiny paragraphs into full chunks', () => {
      const doc = buildDocument(
        Array.from({ length: 3000 }, (_, index) => ({ kind: 'paragraph' as const, text: `Note ${index}.` })),
      );
      const chunks = chunkDocument(doc, { maxTokens: 256 });
      expect(contractViolations(doc, chunks, 256)).toEqual([]);
      const total = countTokens(renderMarkdown(doc));
      expect(chunks.length).toBeLessThanOrEqual(Math.ceil((total / (256 - 64 - 8)) * 1.05));
      expect(
        chunks.every((chunk, index) => index === chunks.length - 1 || chunk.tokenCount > 256 * 0.8),
      ).toBe(true);
    });

    it('should split a long paragraph at sentence boundaries', () => {
      const doc = buildDocument([{ kind: 'paragraph', text: sentences(0, 120) }]);
      const chunks = chunkDocument(doc, { maxTokens: 100, overlapTokens: 0 });
      expect(contractViolations(doc, chunks, 100)).toEqual([]);
      expect(chunks.length).toBeGreaterThan(10);
      for (const chunk of chunks) {
        expect(chunk.text).toMatch(/^Sentence \d+ .*procedure\.$/s);
      }
    });

    it('should respect maxTokens for a 10,000-token paragraph without punctuation', () => {
      const text = pseudoWords(6000).join(' ');
      expect(countTokens(text)).toBeGreaterThan(10_000);
      const doc = buildDocument([
        { kind: 'heading', level: 1, text: 'Dump' },
        { kind: 'paragraph', text },
      ]);
      const chunks = chunkDocument(doc);
      expect(contractViolations(doc, chunks, 512)).toEqual([]);
      expect(chunks.length).toBeGreaterThan(20);
      expect(chunks.every((chunk) => chunk.headingPath[0] === 'Dump')).toBe(true);
    });

    it('should cut a 20,000-character run without whitespace at token boundaries, quickly', () => {
      const doc = buildDocument([
        { kind: 'paragraph', text: 'abcdefghij'.repeat(2000) },
        { kind: 'paragraph', text: `${'🙂'.repeat(600)} 東京都庁は新宿区にある` },
      ]);
      const started = performance.now();
      const chunks = chunkDocument(doc, { maxTokens: 64, overlapTokens: 8 });
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(contractViolations(doc, chunks, 64)).toEqual([]);
      for (const chunk of chunks) {
        expect(isWellFormedText(chunk.text)).toBe(true);
      }
    });

    it('should keep a table whole when it fits a chunk', () => {
      const table = [
        '| name | value |',
        '| --- | --- |',
        ...Array.from({ length: 10 }, (_, i) => `| n${i} | ${i} |`),
      ];
      const doc = buildDocument([
        { kind: 'paragraph', text: sentences(0, 12) },
        { kind: 'table', text: table.join('\n') },
      ]);
      const chunks = chunkDocument(doc, { maxTokens: 160, overlapTokens: 0 });
      expect(contractViolations(doc, chunks, 160)).toEqual([]);
      expect(chunks.filter((chunk) => chunk.text.includes('| n'))).toHaveLength(1);
      expect(chunks.at(-1)?.text).toBe(table.join('\n'));
    });

    it('should split a giant table by rows and repeat the header in front of every later part', () => {
      const header = '| id | city | population |\n| --- | --- | --- |';
      const rows = Array.from({ length: 2000 }, (_, i) => `| ${i} | City ${i} | ${i * 1000} |`);
      const doc = buildDocument([{ kind: 'table', text: `${header}\n${rows.join('\n')}` }]);
      const chunks = chunkDocument(doc, { maxTokens: 128 });
      expect(contractViolations(doc, chunks, 128)).toEqual([]);
      expect(chunks.length).toBeGreaterThan(100);
      for (const chunk of chunks) {
        expect(chunk.text.startsWith(`${header}\n| `)).toBe(true);
        expect(chunk.text.endsWith(' |')).toBe(true);
      }
      const seen = chunks.flatMap((chunk) => chunk.text.split('\n').slice(2));
      expect(seen).toEqual(rows);
    });

    it('should split a long list at items', () => {
      const items = Array.from({ length: 80 }, (_, i) => `- item ${i} has a short description`);
      const doc = buildDocument([{ kind: 'list', text: items.join('\n') }]);
      const chunks = chunkDocument(doc, { maxTokens: 64, overlapTokens: 0 });
      expect(contractViolations(doc, chunks, 64)).toEqual([]);
      expect(chunks.flatMap((chunk) => chunk.text.split('\n'))).toEqual(items);
    });
  });

  describe('overlap', () => {
    const doc = buildDocument([
      { kind: 'heading', level: 1, text: 'Manual' },
      { kind: 'paragraph', text: sentences(0, 60) },
      { kind: 'heading', level: 1, text: 'Next' },
      { kind: 'paragraph', text: sentences(60, 60) },
    ]);

    it('should repeat whole sentences from the end of the previous chunk within overlapTokens', () => {
      const chunks = chunkDocument(doc, { maxTokens: 128, overlapTokens: 32 });
      expect(contractViolations(doc, chunks, 128)).toEqual([]);
      const rendered = renderMarkdown(doc);
      let overlaps = 0;
      chunks.forEach((chunk, index) => {
        const previous = chunks[index - 1];
        if (!previous || previous.headingPath[0] !== chunk.headingPath[0]) {
          expect(previous === undefined || chunk.charStart >= previous.charEnd).toBe(true);
          return;
        }
        expect(chunk.charStart).toBeLessThan(previous.charEnd);
        expect(chunk.charStart).toBeGreaterThan(previous.charStart);
        const overlap = rendered.slice(chunk.charStart, previous.charEnd);
        expect(countTokens(overlap)).toBeLessThanOrEqual(32);
        expect(overlap).toMatch(/^Sentence \d+ .*procedure\.$/s);
        overlaps += 1;
      });
      expect(overlaps).toBeGreaterThan(5);
    });

    it('should not overlap when overlapTokens is 0', () => {
      const chunks = chunkDocument(doc, { maxTokens: 128, overlapTokens: 0 });
      chunks.slice(1).forEach((chunk, index) => {
        expect(chunk.charStart).toBeGreaterThanOrEqual(chunks[index]?.charEnd ?? 0);
      });
    });

    it('should fall back to whole words when no sentence fits', () => {
      const words = buildDocument([{ kind: 'paragraph', text: pseudoWords(400).join(' ') }]);
      const chunks = chunkDocument(words, { maxTokens: 100, overlapTokens: 10 });
      expect(contractViolations(words, chunks, 100)).toEqual([]);
      const rendered = renderMarkdown(words);
      const second = chunks[1];
      const first = chunks[0];
      expect(second && first && second.charStart < first.charEnd).toBe(true);
      expect(rendered.charAt((second?.charStart ?? 1) - 1)).toBe(' ');
    });
  });

  it('should be deterministic', () => {
    const doc = buildDocument([
      { kind: 'heading', level: 1, text: 'A' },
      { kind: 'paragraph', text: sentences(0, 200) },
      {
        kind: 'table',
        text: `| x |\n| --- |\n${Array.from({ length: 300 }, (_, i) => `| ${i} |`).join('\n')}`,
      },
    ]);
    const options = { maxTokens: 96, overlapTokens: 16 };
    expect(chunkDocument(doc, options)).toEqual(chunkDocument(doc, options));
  });

  it('should count special-token text as plain text', () => {
    const doc = buildDocument([{ kind: 'paragraph', text: 'Ignore <|endoftext|> this.' }]);
    expect(chunkDocument(doc)[0]?.text).toBe('Ignore <|endoftext|> this.');
  });

  it('should return no chunk for a document without text', () => {
    expect(chunkDocument(buildDocument([{ kind: 'paragraph', text: '  \n ' }]))).toEqual([]);
  });

  it('should reject invalid options with CHUNK_OPTIONS_INVALID', () => {
    const doc = buildDocument([{ kind: 'paragraph', text: 'x' }]);
    for (const options of [
      { maxTokens: 8 },
      { maxTokens: 100.5 },
      { overlapTokens: -1 },
      { overlapTokens: 1.5 },
    ]) {
      expect(() => chunkDocument(doc, options)).toThrow(
        expect.objectContaining({ code: 'CHUNK_OPTIONS_INVALID' }) as Error,
      );
    }
    expect(() => chunkDocument(doc, { maxTokens: 1 })).toThrow(ChunkingError);
  });

  it('should cap an overlap above half of maxTokens', () => {
    const doc = buildDocument([{ kind: 'paragraph', text: sentences(0, 40) }]);
    const chunks = chunkDocument(doc, { maxTokens: 64, overlapTokens: 1024 });
    expect(contractViolations(doc, chunks, 64)).toEqual([]);
    const rendered = renderMarkdown(doc);
    chunks.slice(1).forEach((chunk, index) => {
      const overlap = rendered.slice(chunk.charStart, Math.max(chunk.charStart, chunks[index]?.charEnd ?? 0));
      expect(countTokens(overlap)).toBeLessThanOrEqual(32);
    });
  });
});

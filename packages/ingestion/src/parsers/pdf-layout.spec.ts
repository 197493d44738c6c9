import { describe, expect, it } from 'vitest';
import {
  itemsToLines,
  joinWrappedLines,
  linesToBlocks,
  type PdfLine,
  type PdfTextItem,
} from './pdf-layout.ts';
import { removePageFurniture } from './pdf-page-furniture.ts';

function item(text: string, x: number, y: number, options: Partial<PdfTextItem> = {}): PdfTextItem {
  return { text, x, y, width: text.length * 6, fontSize: 12, rtl: false, ...options };
}

function line(text: string, y: number, fontSize = 12): PdfLine {
  return { text, x: 72, y, fontSize };
}

describe('itemsToLines', () => {
  it('groups runs by baseline and inserts spaces only where the gap calls for one', () => {
    const lines = itemsToLines([
      item('Hello', 72, 700),
      item('world', 72 + 30 + 4, 700),
      item('again', 72, 686),
      item('ing', 72 + 30, 686),
    ]);
    expect(lines.map((entry) => entry.text)).toEqual(['Hello world', 'againing']);
  });

  it('separates right-to-left runs, a change of direction and a superscript', () => {
    const [rtl] = itemsToLines([
      item('مرحبا', 300, 700, { rtl: true }),
      item('بكم', 250, 700, { rtl: true }),
      item('Python', 200, 700),
    ]);
    expect(rtl?.text).toBe('مرحبا بكم Python');
    const [footnote] = itemsToLines([item('word', 72, 700), item('1', 96, 704, { fontSize: 7 })]);
    expect(footnote?.text).toBe('word 1');
  });

  it('restores lam-alef after the Arabic article, which pdf.js reverses', () => {
    const [arabic] = itemsToLines([
      item('\u0627\u0625\u0644\u0646\u062a\u0627\u062c\u064a\u0629', 300, 700, { rtl: true }),
    ]);
    expect(arabic?.text).toBe('\u0627\u0644\u0625\u0646\u062a\u0627\u062c\u064a\u0629');
  });
});

describe('linesToBlocks', () => {
  const levels = (): number => 1;

  it('splits paragraphs at wide gaps, rejoins hyphenated words and keeps bullets as a list', () => {
    const blocks = linesToBlocks(
      [
        line('Results', 760, 18),
        line('The experiment was docu-', 730),
        line('mented in detail.', 716),
        line('A new paragraph starts here.', 680),
        line('• first point', 650),
        line('continues here', 636),
        line('• second point', 622),
      ],
      12,
      levels,
    );
    expect(blocks).toEqual([
      { kind: 'heading', text: 'Results', level: 1 },
      { kind: 'paragraph', text: 'The experiment was documented in detail.' },
      { kind: 'paragraph', text: 'A new paragraph starts here.' },
      { kind: 'list', text: '- first point continues here\n- second point' },
    ]);
  });

  it('keeps a hyphen that joins two words', () => {
    expect(joinWrappedLines(['state-of-the-', 'Art'])).toBe('state-of-the- Art');
  });
});

describe('removePageFurniture', () => {
  it('drops running heads and page numbers in the margins, keeping body text', () => {
    const pages = [1, 2, 3, 4].map((number) => ({
      height: 800,
      lines: [
        line(`Chapter notes ${number}`, 780),
        line(`Body text of page ${number}`, 400),
        line(String(number), 20),
      ],
    }));
    removePageFurniture(pages);
    expect(pages.map((page) => page.lines.map((entry) => entry.text))).toEqual([
      ['Body text of page 1'],
      ['Body text of page 2'],
      ['Body text of page 3'],
      ['Body text of page 4'],
    ]);
  });
});

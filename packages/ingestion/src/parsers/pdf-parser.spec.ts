import { afterAll, describe, expect, it } from 'vitest';
import { createOcrEngine, type OcrEngine } from './ocr-engine.ts';
import { parseDocument } from './parse-document.ts';
import { RasterizerUnavailableError, withPdfRasterizer } from './pdf-rasterizer.ts';
import { hasPdftoppm, makePdf, renderFirstPage } from './testing/fixtures.ts';

const poppler = hasPdftoppm();
const silentOcr: OcrEngine = {
  recognize: async () => ({ text: '', confidence: 0 }),
  terminate: async () => undefined,
};

describe('parsePdf', () => {
  const ocr = createOcrEngine();
  afterAll(async () => {
    await ocr.terminate();
  });

  it('keeps page numbers, detects the heading by font size and reads the metadata title', async () => {
    const pdf = await makePdf(
      [
        { heading: 'Annual report', paragraphs: ['Revenue rose in every region this year.'] },
        { paragraphs: ['The second page covers costs.'] },
        { paragraphs: ['The third page lists risks.'] },
      ],
      { title: 'Report 2024' },
    );
    const document = await parseDocument(pdf, { filename: 'report.pdf' });
    expect(document).toMatchObject({
      mimeType: 'application/pdf',
      title: 'Report 2024',
      pageCount: 3,
      warnings: [],
    });
    expect(document.blocks).toEqual([
      { kind: 'heading', text: 'Annual report', level: 1, page: 1 },
      { kind: 'paragraph', text: 'Revenue rose in every region this year.', page: 1 },
      { kind: 'paragraph', text: 'The second page covers costs.', page: 2 },
      { kind: 'paragraph', text: 'The third page lists risks.', page: 3 },
    ]);
  });

  it.skipIf(!poppler)(
    'OCRs a page that is only an image (needs pdftoppm)',
    async () => {
      const scan = await renderFirstPage(
        await makePdf([{ heading: 'Scanned invoice', paragraphs: ['Total amount due is forty dollars.'] }], {
          size: [420, 200],
        }),
      );
      const pdf = await makePdf([{ paragraphs: ['Cover letter with a text layer.'] }, { image: scan }], {
        size: [420, 200],
      });
      const document = await parseDocument(pdf, { ocr });
      expect(document.blocks[0]).toEqual({
        kind: 'paragraph',
        text: 'Cover letter with a text layer.',
        page: 1,
      });
      const ocrText = document.blocks
        .filter((block) => block.page === 2)
        .map((block) => block.text)
        .join(' ');
      expect(ocrText).toContain('Scanned invoice');
      expect(ocrText).toContain('forty dollars');
      expect(document.warnings).toEqual([]);
    },
    60_000,
  );

  it('reads a PDF given as a Node Buffer (as read from disk), not only as a Uint8Array', async () => {
    const pdf = await makePdf([{ paragraphs: ['Stored uploads come back from disk as Buffers.'] }]);
    const document = await parseDocument(Buffer.from(pdf), { filename: 'from-disk.pdf' });
    expect(document.blocks).toEqual([
      { kind: 'paragraph', text: 'Stored uploads come back from disk as Buffers.', page: 1 },
    ]);
  });

  it('fails with EMPTY_DOCUMENT when no page has text, even after OCR, and says why', async () => {
    const pdf = await makePdf([{ paragraphs: [] }]);
    await expect(parseDocument(pdf, { ocr: silentOcr })).rejects.toMatchObject({
      code: 'EMPTY_DOCUMENT',
      message: expect.stringMatching(
        poppler ? /page 1: no text found, even with OCR/ : /OCR skipped/,
      ) as string,
    });
  });

  it('fails with ENCRYPTED_FILE for a PDF with a user password', async () => {
    const pdf = await makePdf([{ paragraphs: ['Top secret'] }], { userPassword: 'quack' });
    await expect(parseDocument(pdf)).rejects.toMatchObject({ code: 'ENCRYPTED_FILE', name: 'ParseError' });
  });

  it('fails with CORRUPT_FILE for a damaged PDF', async () => {
    const garbage = new Uint8Array(
      Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\n%%EOF garbage'),
    );
    await expect(parseDocument(garbage)).rejects.toMatchObject({ code: 'CORRUPT_FILE' });
  });

  it('refuses more pages than maxPages', async () => {
    const pdf = await makePdf([{ paragraphs: ['a'] }, { paragraphs: ['b'] }, { paragraphs: ['c'] }]);
    await expect(parseDocument(pdf, { limits: { maxPages: 2 } })).rejects.toMatchObject({
      code: 'LIMIT_EXCEEDED',
    });
  });

  it('reports a missing pdftoppm as RasterizerUnavailableError, which parsePdf turns into a warning', async () => {
    const pdf = await makePdf([{ paragraphs: ['x'] }]);
    const render = withPdfRasterizer(pdf, (rasterizer) => rasterizer.renderPage(1), {
      command: 'pdftoppm-not-installed',
    });
    await expect(render).rejects.toBeInstanceOf(RasterizerUnavailableError);
  });
});

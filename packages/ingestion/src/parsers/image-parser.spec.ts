import { afterAll, describe, expect, it } from 'vitest';
import { createOcrEngine, type OcrEngine } from './ocr-engine.ts';
import { parseDocument } from './parse-document.ts';
import { hasPdftoppm, makePdf, makeShapePng, renderFirstPage } from './testing/fixtures.ts';

describe('parseImage', () => {
  const ocr = createOcrEngine();
  afterAll(async () => {
    await ocr.terminate();
  });

  it('turns OCR output into paragraphs (injected engine)', async () => {
    const fake: OcrEngine = {
      recognize: async () => ({
        text: 'Invoice 42\nTotal due: 40 EUR\n\nPay within thirty days.\n',
        confidence: 91,
      }),
      terminate: async () => undefined,
    };
    const document = await parseDocument(makeShapePng(), { ocr: fake, filename: 'scan.pdf' });
    expect(document).toEqual({
      mimeType: 'image/png',
      blocks: [
        { kind: 'paragraph', text: 'Invoice 42 Total due: 40 EUR' },
        { kind: 'paragraph', text: 'Pay within thirty days.' },
      ],
      warnings: [],
    });
  });

  it('fails with EMPTY_DOCUMENT for an image without text (own tesseract engine, terminated after)', async () => {
    await expect(parseDocument(makeShapePng())).rejects.toMatchObject({ code: 'EMPTY_DOCUMENT' });
  }, 60_000);

  it.skipIf(!hasPdftoppm())(
    'reads the text of a rendered page (needs pdftoppm)',
    async () => {
      const png = await renderFirstPage(
        await makePdf([{ heading: 'Meeting minutes', paragraphs: ['The budget was approved.'] }], {
          size: [360, 160],
        }),
      );
      const document = await parseDocument(png, { ocr });
      expect(document.blocks.map((block) => block.text).join(' ')).toMatch(
        /Meeting minutes.*budget was approved/,
      );
    },
    60_000,
  );

  it('reports an undecodable image as corrupt', async () => {
    const broken = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
    await expect(parseDocument(broken, { ocr })).rejects.toMatchObject({ code: 'CORRUPT_FILE' });
  }, 60_000);
});

import PptxGenJS from 'pptxgenjs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from './parse-document.ts';
import { makePptx, makeRawPptx, makeZip, ooxmlSkeleton, rawTextShape } from './testing/fixtures.ts';

async function written(pptx: PptxGenJS): Promise<Uint8Array> {
  return new Uint8Array((await pptx.write({ outputType: 'uint8array' })) as Uint8Array);
}

function texts(blocks: readonly { text: string }[]): string[] {
  return blocks.map((block) => block.text);
}

describe('parsePptx', () => {
  it('reads slides in order with their titles, bullets, tables and speaker notes', async () => {
    const document = await parseDocument(await makePptx(), { filename: 'deck.docx' });
    expect(document.mimeType).toBe(
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    );
    expect(document.pageCount).toBe(2);
    expect(document.blocks).toEqual([
      { kind: 'heading', text: 'Quarterly results', level: 1, page: 1 },
      { kind: 'list', text: '- Revenue grew\n- Costs fell', page: 1 },
      { kind: 'paragraph', text: 'Speaker notes: Mention the new office.', page: 1 },
      { kind: 'heading', text: 'Regional split', level: 1, page: 2 },
      { kind: 'table', text: '| Region | Share |\n| --- | --- |\n| North | 60% |', page: 2 },
      { kind: 'paragraph', text: 'Speaker notes: North is ahead.', page: 2 },
    ]);
  });

  it('reads shapes top to bottom, and boxes side by side left to right, whatever their z-order', async () => {
    const pptx = new PptxGenJS();
    const slide = pptx.addSlide();
    slide.addText('Footnote at the bottom', { x: 0.5, y: 6.5, w: 9, h: 0.5 });
    slide.addTable(
      [
        [{ text: 'Metric' }, { text: 'Value' }],
        [{ text: 'Uptime' }, { text: '99.9%' }],
      ],
      {
        x: 0.5,
        y: 1,
        w: 9,
      },
    );
    // Three boxes in a row, added right to left, their tops a little apart.
    slide.addText('Right column', { x: 7, y: 3.02, w: 2, h: 1 });
    slide.addText('Middle column', { x: 4, y: 3.05, w: 2, h: 1 });
    slide.addText('Left column', { x: 1, y: 3, w: 2, h: 1 });
    const document = await parseDocument(await written(pptx));
    expect(texts(document.blocks)).toEqual([
      '| Metric | Value |\n| --- | --- |\n| Uptime | 99.9% |',
      'Left column',
      'Middle column',
      'Right column',
      'Footnote at the bottom',
    ]);
  });

  it('places a placeholder without its own position where its layout puts it, and reads groups', async () => {
    const layoutBody = rawTextShape([''], {
      x: 500000,
      y: 5000000,
      placeholder: '<p:ph type="body" idx="1"/>',
    });
    const group =
      '<p:grpSp><p:nvGrpSpPr><p:cNvPr id="9" name="Group"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>' +
      '<p:grpSpPr><a:xfrm><a:off x="500000" y="2000000"/><a:ext cx="4000000" cy="1000000"/>' +
      '<a:chOff x="0" y="0"/><a:chExt cx="4000000" cy="1000000"/></a:xfrm></p:grpSpPr>' +
      rawTextShape(['Second in group'], { x: 2000000, y: 0 }) +
      rawTextShape(['First in group'], { x: 0, y: 0 }) +
      '</p:grpSp>';
    const document = await parseDocument(
      await makeRawPptx({
        layoutShapes: layoutBody,
        slides: [
          {
            shapes:
              rawTextShape(['Inherited body'], { placeholder: '<p:ph idx="1"/>' }) +
              group +
              rawTextShape(['Top note'], { x: 500000, y: 600000 }),
          },
        ],
      }),
    );
    expect(document.blocks).toEqual([
      { kind: 'paragraph', text: 'Top note', page: 1 },
      { kind: 'paragraph', text: 'First in group', page: 1 },
      { kind: 'paragraph', text: 'Second in group', page: 1 },
      { kind: 'list', text: '- Inherited body', page: 1 },
    ]);
  });

  it('names the kind of chart with its title before the cached data', async () => {
    const pptx = new PptxGenJS();
    pptx
      .addSlide()
      .addChart(pptx.ChartType.bar, [{ name: 'Ducks', labels: ['2019', '2020'], values: [120, 130] }], {
        x: 1,
        y: 1,
        w: 6,
        h: 4,
        showTitle: true,
        title: 'Ducks by year',
      });
    pptx.addSlide().addChart(pptx.ChartType.line, [{ name: 'Revenue', labels: ['Q1'], values: [10] }], {
      x: 1,
      y: 1,
      w: 6,
      h: 4,
    });
    const document = await parseDocument(await written(pptx));
    expect(document.blocks).toEqual([
      { kind: 'paragraph', text: 'Bar chart: Ducks by year', page: 1 },
      { kind: 'table', text: '|  | Ducks |\n| --- | --- |\n| 2019 | 120 |\n| 2020 | 130 |', page: 1 },
      { kind: 'paragraph', text: 'Line chart', page: 2 },
      { kind: 'table', text: '|  | Revenue |\n| --- | --- |\n| Q1 | 10 |', page: 2 },
    ]);
  });

  it('gives each comment its author, initials and time', async () => {
    const document = await parseDocument(
      await makeRawPptx({
        slides: [
          {
            shapes: rawTextShape(['Slide text'], { x: 0, y: 0 }),
            relationships: { rIdComments: ['comments', '../comments/comment1.xml'] },
          },
        ],
        parts: {
          'ppt/commentAuthors.xml':
            '<p:cmAuthorLst xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main">' +
            '<p:cmAuthor id="0" name="Jane Smith" initials="JS"/><p:cmAuthor id="1" name="Bob"/></p:cmAuthorLst>',
          'ppt/comments/comment1.xml':
            '<p:cmLst xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main">' +
            '<p:cm authorId="0" dt="2026-06-18T17:35:35.236" idx="1"><p:text>Check the figures</p:text></p:cm>' +
            '<p:cm authorId="1" idx="2"><p:text>Agreed</p:text></p:cm>' +
            '<p:cm authorId="7" idx="3"><p:text>Anonymous</p:text></p:cm></p:cmLst>',
        },
      }),
    );
    expect(texts(document.blocks)).toEqual([
      'Slide text',
      'Comment by Jane Smith (JS), 2026-06-18T17:35:35.236: Check the figures',
      'Comment by Bob: Agreed',
      'Comment: Anonymous',
    ]);
  });

  it('refuses more slides than maxPages', async () => {
    await expect(parseDocument(await makePptx(), { limits: { maxPages: 1 } })).rejects.toMatchObject({
      code: 'LIMIT_EXCEEDED',
    });
  });

  it('reports a presentation without its main part as corrupt', async () => {
    const broken = await makeZip({ ...ooxmlSkeleton('pptx'), 'ppt/presentation.xml': 'not xml <' });
    await expect(parseDocument(broken)).rejects.toMatchObject({ code: 'CORRUPT_FILE' });
  });
});

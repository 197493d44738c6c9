import { describe, expect, it } from 'vitest';
import { parseDocument } from './parse-document.ts';
import { makePptx, makeZip, ooxmlSkeleton } from './testing/fixtures.ts';

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

import { describe, expect, it } from 'vitest';
import { parseXmlDocument } from './dom-types.ts';
import { ommlToLatex } from './omml-latex.ts';
import { parseDocument } from './parse-document.ts';
import { makeDocx, makeZip, ooxmlSkeleton } from './testing/fixtures.ts';

describe('parseDocx', () => {
  it('turns headings, nested lists, tables and equations into blocks', async () => {
    const document = await parseDocument(await makeDocx(), { filename: 'handbook.pdf' });
    expect(document.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(document.title).toBe('Duck handbook');
    expect(document.blocks).toEqual([
      { kind: 'heading', text: 'Feeding ducks', level: 1 },
      { kind: 'paragraph', text: 'Ducks eat a varied diet.' },
      { kind: 'list', text: '- Grain\n- Peas\n    - Lettuce' },
      { kind: 'table', text: '| Food | Calories |\n| --- | --- |\n| Grain | 200 |\n| Peas | 80 |' },
      { kind: 'paragraph', text: '$x^{2}=\\frac{a}{b}$' },
    ]);
  });

  it('reports a package without its main part as corrupt', async () => {
    const broken = await makeZip({ ...ooxmlSkeleton('docx'), 'word/document.xml': '<w:document' });
    await expect(parseDocument(broken)).rejects.toMatchObject({ code: 'CORRUPT_FILE' });
  });
});

describe('ommlToLatex', () => {
  const math = (body: string): string => {
    const xml = `<m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math">${body}</m:oMath>`;
    const root = parseXmlDocument(xml).documentElement;
    if (root === null) {
      throw new Error('unparsable');
    }
    return ommlToLatex(root);
  };

  it('converts sums, roots, delimiters and Greek letters', () => {
    expect(
      math(
        '<m:nary><m:naryPr><m:chr m:val="∑"/></m:naryPr><m:sub><m:r><m:t>n=1</m:t></m:r></m:sub><m:sup><m:r><m:t>∞</m:t></m:r></m:sup><m:e><m:r><m:t>x</m:t></m:r></m:e></m:nary>',
      ),
    ).toBe('\\sum_{n=1}^{\\infty}x');
    expect(
      math(
        '<m:rad><m:radPr><m:degHide m:val="1"/></m:radPr><m:deg/><m:e><m:r><m:t>πr</m:t></m:r></m:e></m:rad>',
      ),
    ).toBe('\\sqrt{\\pi r}');
    expect(math('<m:d><m:e><m:r><m:t>a</m:t></m:r></m:e><m:e><m:r><m:t>b</m:t></m:r></m:e></m:d>')).toBe(
      '\\left(a|b\\right)',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { detectFileType } from './file-type.ts';
import {
  makeDocx,
  makePdf,
  makePptx,
  makeShapePng,
  makeXlsx,
  makeZip,
  ooxmlSkeleton,
} from './testing/fixtures.ts';

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);
const ascii = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));
const utf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));

describe('detectFileType', () => {
  it('recognises binaries by their magic bytes, whatever the file name says', async () => {
    const pdf = await makePdf([{ paragraphs: ['Hello'] }]);
    expect(detectFileType(pdf, 'report.docx')).toEqual({ mimeType: 'application/pdf', kind: 'pdf' });
    expect(detectFileType(makeShapePng(), 'notes.txt')).toEqual({ mimeType: 'image/png', kind: 'image' });
    expect(detectFileType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), 'a.csv').kind).toBe('image');
    expect(detectFileType(bytes(0x49, 0x49, 0x2a, 0x00, 8, 0)).mimeType).toBe('image/tiff');
    expect(detectFileType(ascii('RIFF\0\0\0\0WEBPVP8 ')).mimeType).toBe('image/webp');
  });

  it('classifies audio and video containers', () => {
    expect(detectFileType(ascii('RIFF\0\0\0\0WAVEfmt ')).kind).toBe('audio');
    expect(detectFileType(ascii('ID3\x04\0\0\0\0\0\0')).kind).toBe('audio');
    expect(detectFileType(ascii('OggS\0\x02\0\0\0\0\0\0\0\0')).kind).toBe('audio');
    expect(detectFileType(ascii('\0\0\0\x18ftypM4A \0\0\0\0')).mimeType).toBe('audio/mp4');
    expect(detectFileType(ascii('\0\0\0\x18ftypisom\0\0\0\0'), 'song.mp3')).toEqual({
      mimeType: 'video/mp4',
      kind: 'video',
    });
    expect(detectFileType(bytes(0x1a, 0x45, 0xdf, 0xa3, ...ascii('    webm'))).mimeType).toBe('video/webm');
  });

  it('tells DOCX, XLSX and PPTX apart by their parts, not by the name', async () => {
    expect(detectFileType(await makeDocx(), 'sheet.xlsx').kind).toBe('docx');
    expect(detectFileType(await makeXlsx(), 'doc.docx').kind).toBe('xlsx');
    expect(detectFileType(await makePptx(), 'a.pdf').kind).toBe('pptx');
    expect(detectFileType(await makeZip(ooxmlSkeleton('xlsx')), 'x.zip').mimeType).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(detectFileType(await makeZip({ 'readme.txt': 'hi' }), 'x.docx')).toEqual({
      mimeType: 'application/zip',
      kind: 'unknown',
    });
  });

  it('sniffs HTML, JSON, Markdown and CSV from text content', () => {
    expect(detectFileType(utf8('  <!DOCTYPE html><html><body>x</body></html>'), 'page.txt').kind).toBe(
      'html',
    );
    expect(detectFileType(utf8('<div><p>fragment</p></div>')).kind).toBe('html');
    expect(detectFileType(utf8('{"a": [1, 2]}'), 'data.txt').kind).toBe('json');
    expect(detectFileType(utf8('# Title\n\nSome *text* and a [link](http://x.y).\n\n- item\n')).kind).toBe(
      'markdown',
    );
    expect(detectFileType(utf8('name,age\nAnn,31\nBob,42\n')).kind).toBe('csv');
    expect(detectFileType(utf8('a\tb\n1\t2\n3\t4\n')).mimeType).toBe('text/tab-separated-values');
    expect(detectFileType(utf8('Dear Ann, thanks.\nSee you soon, Bob.\n')).kind).toBe('text');
  });

  it('uses the extension only to choose between text formats', () => {
    expect(detectFileType(utf8('just one line'), 'notes.md').kind).toBe('markdown');
    expect(detectFileType(utf8('single column\nvalue'), 'list.csv').kind).toBe('csv');
    expect(detectFileType(utf8('plain words'), 'fake.pdf')).toEqual({ mimeType: 'text/plain', kind: 'text' });
    expect(detectFileType(utf8('{not json'), 'broken.json').kind).toBe('text');
  });

  it('calls binary data without a known signature unknown', () => {
    expect(detectFileType(bytes(0, 1, 2, 3, 4, 5, 0, 0, 9))).toEqual({
      mimeType: 'application/octet-stream',
      kind: 'unknown',
    });
    expect(detectFileType(new Uint8Array())).toEqual({
      mimeType: 'application/octet-stream',
      kind: 'unknown',
    });
    expect(detectFileType(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0)).mimeType).toBe(
      'application/x-cfb',
    );
  });
});

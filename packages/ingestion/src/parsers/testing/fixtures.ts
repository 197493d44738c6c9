/**
 * Documents generated at test time (no binary fixtures in the repository): pdfkit PDFs, docx DOCX,
 * exceljs XLSX, pptxgenjs PPTX, jszip archives, and PNG images.
 */
import { execFileSync } from 'node:child_process';
import { constants, crc32 as zlibCrc32, deflateRawSync, deflateSync } from 'node:zlib';
import {
  Document,
  HeadingLevel,
  Math as OfficeMath,
  MathFraction,
  MathRun,
  MathSuperScript,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
} from 'docx';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import PDFDocument from 'pdfkit';
import PptxGenJS from 'pptxgenjs';
import { withPdfRasterizer } from '../pdf-rasterizer.ts';

/** One page of {@link makePdf}: an optional heading, then paragraphs. */
export interface PdfPageSpec {
  heading?: string;
  paragraphs?: string[];
  /** A PNG drawn over the whole page instead of text. */
  image?: Uint8Array;
}

/** Options of {@link makePdf}. */
export interface PdfOptions {
  userPassword?: string;
  title?: string;
  /** Page size in points; A4 by default. A small page keeps OCR tests fast. */
  size?: [number, number];
}

/** A PDF with one page per spec (pdfkit), optionally protected by a user password. */
export function makePdf(pages: readonly PdfPageSpec[], options: PdfOptions = {}): Promise<Uint8Array> {
  const document = new PDFDocument({
    autoFirstPage: false,
    ...(options.userPassword !== undefined
      ? { userPassword: options.userPassword, pdfVersion: '1.7' as const }
      : {}),
    ...(options.title !== undefined ? { info: { Title: options.title } } : {}),
  });
  const chunks: Buffer[] = [];
  document.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve) => {
    document.on('end', () => {
      resolve(new Uint8Array(Buffer.concat(chunks)));
    });
  });
  for (const page of pages) {
    const [width, height] = options.size ?? [595, 842];
    document.addPage({ size: [width, height], margin: Math.min(72, width / 10) });
    if (page.image !== undefined) {
      document.image(Buffer.from(page.image), 0, 0, { width, height });
      continue;
    }
    if (page.heading !== undefined) {
      document.fontSize(24).text(page.heading).moveDown();
    }
    for (const paragraph of page.paragraphs ?? []) {
      document.fontSize(12).text(paragraph).moveDown();
    }
  }
  document.end();
  return done;
}

/** Whether poppler's `pdftoppm` is on the PATH (CI installs poppler-utils). */
export function hasPdftoppm(): boolean {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Page 1 of `pdf` rendered to PNG at 150 dpi with pdftoppm. */
export function renderFirstPage(pdf: Uint8Array): Promise<Uint8Array> {
  return withPdfRasterizer(pdf, (rasterizer) => rasterizer.renderPage(1));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, index) => {
  let value = index;
  for (let bit = 0; bit < 8; bit += 1) {
    value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
  }
  return value >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.byteLength);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A greyscale PNG without any text: a light background with a darker disc (`pixel` picks each grey). */
export function makeShapePng(width = 240, height = 160): Uint8Array {
  const rows: number[] = [];
  for (let y = 0; y < height; y += 1) {
    rows.push(0);
    for (let x = 0; x < width; x += 1) {
      const inside = (x - width / 2) ** 2 + (y - height / 2) ** 2 < (height / 3) ** 2;
      rows.push(inside ? 90 : 235);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8);
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      pngChunk('IHDR', header),
      pngChunk('IDAT', deflateSync(Buffer.from(rows))),
      pngChunk('IEND', new Uint8Array()),
    ]),
  );
}

/** A DOCX with a heading, a bulleted list, a table with a header row and an equation. */
export async function makeDocx(): Promise<Uint8Array> {
  const cell = (text: string): TableCell => new TableCell({ children: [new Paragraph(text)] });
  const document = new Document({
    creator: 'tests',
    title: 'Duck handbook',
    sections: [
      {
        children: [
          new Paragraph({ text: 'Feeding ducks', heading: HeadingLevel.HEADING_1 }),
          new Paragraph('Ducks eat a varied diet.'),
          new Paragraph({ text: 'Grain', bullet: { level: 0 } }),
          new Paragraph({ text: 'Peas', bullet: { level: 0 } }),
          new Paragraph({ text: 'Lettuce', bullet: { level: 1 } }),
          new Table({
            rows: [
              new TableRow({ children: [cell('Food'), cell('Calories')] }),
              new TableRow({ children: [cell('Grain'), cell('200')] }),
              new TableRow({ children: [cell('Peas'), cell('80')] }),
            ],
          }),
          new Paragraph({
            children: [
              new OfficeMath({
                children: [
                  new MathSuperScript({ children: [new MathRun('x')], superScript: [new MathRun('2')] }),
                  new MathRun('='),
                  new MathFraction({ numerator: [new MathRun('a')], denominator: [new MathRun('b')] }),
                ],
              }),
            ],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** An XLSX with two sheets (one with a formula whose result is cached) and a hidden third sheet. */
export async function makeXlsx(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sales = workbook.addWorksheet('Sales');
  sales.addRow(['Product', 'Units', 'Price']);
  sales.addRow(['Widget', 3, 2.5]);
  sales.addRow(['Gadget', 4, 10]);
  sales.getCell('A5').value = 'Total';
  sales.getCell('B5').value = { formula: 'SUM(B2:B3)', result: 7 };
  const notes = workbook.addWorksheet('Notes');
  notes.addRow(['Region', 'Owner']);
  notes.addRow(['North', 'Alice']);
  const hidden = workbook.addWorksheet('Secret', { state: 'hidden' });
  hidden.addRow(['classified']);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A PPTX with two slides (title placeholders), a bulleted body, a table and speaker notes. */
export async function makePptx(): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.defineSlideMaster({
    title: 'TITLED',
    objects: [
      { placeholder: { options: { name: 'title', type: 'title', x: 0.5, y: 0.2, w: 9, h: 1 }, text: '' } },
    ],
  });
  const first = pptx.addSlide({ masterName: 'TITLED' });
  first.addText('Quarterly results', { placeholder: 'title' });
  first.addText(
    [
      { text: 'Revenue grew', options: { bullet: true } },
      { text: 'Costs fell', options: { bullet: true } },
    ],
    { x: 0.5, y: 1.5, w: 9, h: 1.5 },
  );
  first.addNotes('Mention the new office.');
  const second = pptx.addSlide({ masterName: 'TITLED' });
  second.addText('Regional split', { placeholder: 'title' });
  second.addTable(
    [
      [{ text: 'Region' }, { text: 'Share' }],
      [{ text: 'North' }, { text: '60%' }],
    ],
    { x: 0.5, y: 1.5, w: 6 },
  );
  second.addNotes('North is ahead.');
  return new Uint8Array((await pptx.write({ outputType: 'uint8array' })) as Uint8Array);
}

/** A ZIP holding the given files (jszip, deflated). */
export async function makeZip(files: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) {
    zip.file(name, content);
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** The minimal parts that make a ZIP look like an OOXML package of the given kind. */
export function ooxmlSkeleton(kind: 'docx' | 'xlsx' | 'pptx'): Record<string, string> {
  const main = { docx: 'word/document.xml', xlsx: 'xl/workbook.xml', pptx: 'ppt/presentation.xml' }[kind];
  return { '[Content_Types].xml': '<Types/>', '_rels/.rels': '<Relationships/>', [main]: '<root/>' };
}

/** One entry of {@link makeRawZip}: data already compressed with `method` (0 stored, 8 deflate). */
export interface RawZipEntry {
  name: string;
  method: 0 | 8;
  data: Uint8Array;
  uncompressedSize: number;
  crc: number;
}

/** A ZIP assembled by hand, so tests can declare any sizes (including lying ones). */
export function makeRawZip(entries: readonly RawZipEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(entry.data.byteLength, 18);
    local.writeUInt32LE(entry.uncompressedSize, 22);
    local.writeUInt16LE(name.byteLength, 26);
    locals.push(local, name, Buffer.from(entry.data));
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(entry.crc, 16);
    central.writeUInt32LE(entry.data.byteLength, 20);
    central.writeUInt32LE(entry.uncompressedSize, 24);
    central.writeUInt16LE(name.byteLength, 28);
    central.writeUInt32LE(offset, 42);
    directory.push(central, name);
    offset += 30 + name.byteLength + entry.data.byteLength;
  }
  const directorySize = directory.reduce((sum, part) => sum + part.byteLength, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, ...directory, end]));
}

/** A deflated entry of `text` with its true sizes (pass `uncompressedSize` to make the header lie). */
export function deflatedEntry(name: string, text: string, uncompressedSize?: number): RawZipEntry {
  const data = Buffer.from(text, 'utf8');
  return {
    name,
    method: 8,
    data: deflateRawSync(data),
    uncompressedSize: uncompressedSize ?? data.byteLength,
    crc: zlibCrc32(data),
  };
}

/**
 * A deflated entry of `megabytes` MB of zeros, built in milliseconds: one 1 MB block sequence,
 * byte-aligned by a sync flush, repeated, then closed with an empty final block.
 */
export function zerosEntry(name: string, megabytes: number): RawZipEntry {
  const chunk = new Uint8Array(1024 * 1024);
  const block = deflateRawSync(chunk, { finishFlush: constants.Z_SYNC_FLUSH });
  const data = Buffer.concat([...Array.from({ length: megabytes }, () => block), Buffer.from([0x03, 0x00])]);
  let crc = 0;
  for (let index = 0; index < megabytes; index += 1) {
    crc = zlibCrc32(chunk, crc);
  }
  return { name, method: 8, data: new Uint8Array(data), uncompressedSize: megabytes * 1024 * 1024, crc };
}

/** One slide of {@link makeRawPptx}: the children of its `p:spTree`, and parts it links to. */
export interface RawSlideSpec {
  /** Shapes as XML (`p:sp`, `p:grpSp`, `p:graphicFrame`…), namespaces `p`, `a`, `r` declared. */
  shapes: string;
  /** Extra relationships of the slide: id → [type's last segment, target relative to the slide]. */
  relationships?: Record<string, [string, string]>;
}

const PRESENTATION_NS =
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"';
const RELATIONSHIP_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function relationshipsXml(entries: Record<string, [string, string]>): string {
  const items = Object.entries(entries)
    .map(
      ([id, [type, target]]) =>
        `<Relationship Id="${id}" Type="${RELATIONSHIP_TYPE}/${type}" Target="${target}"/>`,
    )
    .join('');
  return `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`;
}

/**
 * A PPTX written by hand, for what pptxgenjs cannot make (groups, comments, placeholders that
 * inherit their position): `slides` in order, each linked to `ppt/slideLayouts/slideLayout1.xml`
 * (whose shapes are `layoutShapes`), plus any `parts` (e.g. comments) at their archive paths.
 */
export function makeRawPptx(options: {
  slides: readonly RawSlideSpec[];
  layoutShapes?: string;
  parts?: Record<string, string>;
}): Promise<Uint8Array> {
  const tree = (shapes: string) =>
    `<p:cSld><p:spTree><p:nvGrpSpPr/><p:grpSpPr/>${shapes}</p:spTree></p:cSld>`;
  const files: Record<string, string> = {
    '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    '_rels/.rels': relationshipsXml({ rId1: ['officeDocument', 'ppt/presentation.xml'] }),
    'ppt/presentation.xml': `<p:presentation ${PRESENTATION_NS}><p:sldIdLst>${options.slides
      .map((_, index) => `<p:sldId id="${256 + index}" r:id="rId${index + 1}"/>`)
      .join('')}</p:sldIdLst></p:presentation>`,
    'ppt/_rels/presentation.xml.rels': relationshipsXml(
      Object.fromEntries(
        options.slides.map((_, index) => [`rId${index + 1}`, ['slide', `slides/slide${index + 1}.xml`]]),
      ),
    ),
    'ppt/slideLayouts/slideLayout1.xml': `<p:sldLayout ${PRESENTATION_NS}>${tree(options.layoutShapes ?? '')}</p:sldLayout>`,
    ...options.parts,
  };
  options.slides.forEach((slide, index) => {
    files[`ppt/slides/slide${index + 1}.xml`] = `<p:sld ${PRESENTATION_NS}>${tree(slide.shapes)}</p:sld>`;
    files[`ppt/slides/_rels/slide${index + 1}.xml.rels`] = relationshipsXml({
      rIdLayout: ['slideLayout', '../slideLayouts/slideLayout1.xml'],
      ...slide.relationships,
    });
  });
  return makeZip(files);
}

/** A `p:sp` text box (or placeholder, with `placeholder`) at (x, y) EMU, `height` tall, one paragraph per line. */
export function rawTextShape(
  lines: readonly string[],
  options: { x?: number; y?: number; height?: number; placeholder?: string } = {},
): string {
  const placement =
    options.x === undefined || options.y === undefined
      ? '<p:spPr/>'
      : `<p:spPr><a:xfrm><a:off x="${options.x}" y="${options.y}"/><a:ext cx="1000000" cy="${options.height ?? 500000}"/></a:xfrm></p:spPr>`;
  return (
    `<p:sp><p:nvSpPr><p:cNvPr id="2" name="Shape"/><p:cNvSpPr/><p:nvPr>${options.placeholder ?? ''}</p:nvPr></p:nvSpPr>` +
    `${placement}<p:txBody><a:bodyPr/>${lines.map((line) => `<a:p><a:r><a:t>${line}</a:t></a:r></a:p>`).join('')}</p:txBody></p:sp>`
  );
}

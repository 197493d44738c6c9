import JSZip from 'jszip';
import type { DocumentBlock } from '../document-model.ts';
import { parseXmlDocument } from './dom-types.ts';
import { chartBlocks } from './ooxml-chart.ts';
import { isRelationshipType, readRelationships } from './ooxml-relationships.ts';
import { ommlToLatex } from './omml-latex.ts';
import type { ZipArchive } from './zip-archive.ts';

const DOCUMENT = 'word/document.xml';
const DISPLAY_MATH = /<m:oMathPara\b[\s\S]*?<\/m:oMathPara>/g;
const INLINE_MATH = /<m:oMath\b[\s\S]*?<\/m:oMath>/g;
const CHART_WRAPPER =
  /<mc:AlternateContent\b(?:(?!<\/mc:AlternateContent>)[\s\S])*?<c:chart\b[\s\S]*?<\/mc:AlternateContent>/g;
const CHART_DRAWING = /<w:drawing\b(?:(?!<\/w:drawing>)[\s\S])*?<c:chart\b[\s\S]*?<\/w:drawing>/g;
const CHART_ID = /<c:chart\b[^>]*\br:id="([^"]+)"/;

/** The placeholder left in the text where a chart was; replaced by the chart's blocks after conversion. */
export const CHART_MARKER = /\[\[chart:([^\]]+)\]\]/g;

/** What {@link prepareDocx} produced. */
export interface PreparedDocx {
  /** The DOCX to hand to mammoth: the original, or a copy with math and charts made readable. */
  bytes: Uint8Array;
  /** The blocks of each chart, by the relationship id in its marker. */
  charts: Map<string, DocumentBlock[]>;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function textRun(text: string): string {
  return `<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

/** The namespace declarations of the root start tag, so that a fragment can be parsed alone. */
function namespaces(xml: string): string {
  const root = /<w:document\b[^>]*>/.exec(xml)?.[0] ?? '';
  return (root.match(/\sxmlns:\w+="[^"]*"/g) ?? []).join('');
}

function mathToLatex(fragment: string, declarations: string): string {
  const root = parseXmlDocument(`<wrap${declarations}>${fragment}</wrap>`).documentElement;
  const math = root?.children[0];
  return math === undefined ? '' : ommlToLatex(math);
}

/**
 * mammoth drops Office Math and charts. When the main part has either, this rewrites it so that
 * each display equation becomes a `$$…$$` run and each inline one a `$…$` run (LaTeX), and each
 * chart a `[[chart:rIdN]]` marker whose blocks (title + cached data table) are returned; the
 * archive is re-packed uncompressed. Otherwise the original bytes are returned untouched.
 */
export async function prepareDocx(bytes: Uint8Array, archive: ZipArchive): Promise<PreparedDocx> {
  const charts = new Map<string, DocumentBlock[]>();
  const xml = archive.readText(DOCUMENT);
  if (xml === undefined || !(xml.includes('<m:oMath') || xml.includes('<c:chart'))) {
    return { bytes, charts };
  }
  const declarations = namespaces(xml);
  const relationships = readRelationships(archive, DOCUMENT);
  const chartMarker = (drawing: string): string => {
    const id = CHART_ID.exec(drawing)?.[1] ?? '';
    const target = relationships.get(id);
    const chart =
      target !== undefined && isRelationshipType(target, 'chart')
        ? archive.readText(target.target)
        : undefined;
    charts.set(id, chart === undefined ? [] : chartBlocks(chart));
    return `<w:t xml:space="preserve">[[chart:${escapeXml(id)}]]</w:t>`;
  };
  const rewritten = xml
    .replace(DISPLAY_MATH, (math) => textRun(`$$${mathToLatex(math, declarations)}$$`))
    .replace(INLINE_MATH, (math) => textRun(` $${mathToLatex(math, declarations)}$ `))
    .replace(CHART_WRAPPER, chartMarker)
    .replace(CHART_DRAWING, chartMarker);
  const zip = await JSZip.loadAsync(bytes);
  zip.file(DOCUMENT, rewritten);
  return { bytes: await zip.generateAsync({ type: 'uint8array', compression: 'STORE' }), charts };
}

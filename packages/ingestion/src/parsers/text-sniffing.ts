import { sniffCsvDelimiter } from './csv-reader.ts';
import type { DetectedFileType } from './file-kind.ts';
import { decodeText } from './text-decoding.ts';

const HTML_START =
  /^(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|script|iframe|h[1-6]|div|font|table|a|style|title|b|br|p|meta|link|span|ul|ol|section|article|main|header|nav)[\s>/]/i;

function isHtml(sample: string): boolean {
  const start = sample.trimStart().replace(/^<\?xml[^>]*>\s*/i, '');
  return HTML_START.test(start) || (/^<!doctype/i.test(start) && /<html[\s>]/i.test(sample));
}

function isJson(text: string): boolean {
  const trimmed = text.trim();
  const first = trimmed[0];
  const last = trimmed[trimmed.length - 1];
  if (!((first === '{' && last === '}') || (first === '[' && last === ']'))) {
    return false;
  }
  if (trimmed.length > 1_000_000) {
    return true;
  }
  try {
    JSON.parse(trimmed);
    return true;
  } catch {
    return false;
  }
}

const MARKDOWN_SIGNALS: readonly RegExp[] = [
  /^#{1,6}[ \t]+\S/m,
  /^(?:```|~~~)/m,
  /^\s*\|?\s*:?-{3,}:?\s*\|/m,
  /^\s*(?:[-*+]|\d{1,3}[.)])[ \t]+\S/m,
  /\[[^\]\n]+\]\([^)\s]+\)/,
  /(?:\*\*|__)\S[^\n]*?\S(?:\*\*|__)/,
  /^>[ \t]?\S/m,
];

function isMarkdown(sample: string): boolean {
  const signals = MARKDOWN_SIGNALS.filter((signal) => signal.test(sample)).length;
  const structural =
    (MARKDOWN_SIGNALS[0]?.test(sample) ?? false) || (MARKDOWN_SIGNALS[1]?.test(sample) ?? false);
  return (structural && signals >= 2) || signals >= 3;
}

function isCsv(sample: string, extension: string): boolean {
  const dialect = sniffCsvDelimiter(sample);
  if (extension === 'csv' || extension === 'tsv') {
    return true;
  }
  if (dialect === undefined || dialect.delimiter === '|' || dialect.sampledRecords < 3) {
    return false;
  }
  return dialect.consistency === 1 || (dialect.delimiter === '\t' && dialect.consistency >= 0.9);
}

function extensionOf(filename: string | undefined): string {
  const match = /\.([a-z0-9]+)$/i.exec(filename ?? '');
  return match?.[1]?.toLowerCase() ?? '';
}

/**
 * The type of a text file: an HTML sniff (WHATWG-style leading tags), XML, then JSON that parses,
 * then `.md`/`.csv`/`.tsv` by extension, CSV by a consistent delimiter, Markdown by its signals,
 * else plain text.
 */
export function textType(bytes: Uint8Array, filename: string | undefined): DetectedFileType {
  const text = decodeText(bytes);
  const sample = text.slice(0, 65_536);
  const extension = extensionOf(filename);
  if (isHtml(sample)) {
    return { mimeType: 'text/html', kind: 'html' };
  }
  if (/^\s*<(?:\?xml|svg)[\s>]/i.test(sample)) {
    return /<svg[\s>]/i.test(sample.slice(0, 4096))
      ? { mimeType: 'image/svg+xml', kind: 'unknown' }
      : { mimeType: 'application/xml', kind: 'text' };
  }
  if (isJson(text)) {
    return { mimeType: 'application/json', kind: 'json' };
  }
  if (extension === 'md' || extension === 'markdown' || extension === 'mdx') {
    return { mimeType: 'text/markdown', kind: 'markdown' };
  }
  if (isCsv(sample, extension)) {
    const tab = sniffCsvDelimiter(sample)?.delimiter === '\t';
    return { mimeType: tab ? 'text/tab-separated-values' : 'text/csv', kind: 'csv' };
  }
  if (isMarkdown(sample)) {
    return { mimeType: 'text/markdown', kind: 'markdown' };
  }
  return { mimeType: 'text/plain', kind: 'text' };
}

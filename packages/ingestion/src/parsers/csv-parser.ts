import type { ParsedDocument } from '../document-model.ts';
import { readCsvRecords, sniffCsvDelimiter } from './csv-reader.ts';
import { DocumentBuilder } from './document-builder.ts';
import { markdownTable } from './markdown-format.ts';
import type { ParseContext } from './parse-context.ts';
import { ParseError } from './parse-error.ts';
import { decodeText } from './text-decoding.ts';

/**
 * CSV/TSV: the delimiter (`,` `;` tab `|`) is sniffed from the first records, the text is read as
 * RFC 4180 (quoted fields, embedded line breaks, `""`), and the whole file becomes one Markdown
 * table whose header is the first record; short records are padded. More than `maxSheetCells`
 * non-empty cells fails with `LIMIT_EXCEEDED`.
 */
export async function parseCsv(bytes: Uint8Array, context: ParseContext): Promise<ParsedDocument> {
  const text = decodeText(bytes);
  const fallback = context.mimeType === 'text/tab-separated-values' ? '\t' : ',';
  const delimiter = sniffCsvDelimiter(text)?.delimiter ?? fallback;
  const rows: string[][] = [];
  let cells = 0;
  for (const record of readCsvRecords(text, delimiter)) {
    const values = record.map((value) => value.trim());
    cells += values.filter((value) => value !== '').length;
    if (cells > context.limits.maxSheetCells) {
      throw new ParseError(
        'LIMIT_EXCEEDED',
        `The file has more than ${context.limits.maxSheetCells.toLocaleString('en-US')} cells, the most accepted.`,
      );
    }
    if (values.some((value) => value !== '')) {
      rows.push(values);
    }
  }
  const builder = new DocumentBuilder(context.mimeType, context.limits.maxChars);
  builder.add({ kind: 'table', text: markdownTable(rows) });
  return builder.finish({ emptyMessage: 'The CSV file has no values.' });
}

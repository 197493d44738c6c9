import ExcelJS from 'exceljs';
import type { ParsedDocument } from '../document-model.ts';
import { DocumentBuilder } from './document-builder.ts';
import { markdownTable } from './markdown-format.ts';
import { readCoreTitle } from './ooxml-properties.ts';
import type { ParseContext } from './parse-context.ts';
import { ParseError } from './parse-error.ts';
import { type SheetCell, sheetRegions } from './sheet-regions.ts';
import { cellValueText } from './xlsx-cell-text.ts';
import { sheetChartBlocks, sheetComments, sheetPartsByName } from './xlsx-parts.ts';
import { withoutDrawings } from './xlsx-sanitize.ts';
import { openZipArchive } from './zip-archive.ts';

function readCells(worksheet: ExcelJS.Worksheet, budget: { cells: number }, maxCells: number): SheetCell[] {
  const cells: SheetCell[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      const text = cellValueText(cell.value, cell.numFmt);
      if (text.trim() === '') {
        return;
      }
      budget.cells += 1;
      if (budget.cells > maxCells) {
        throw new ParseError(
          'LIMIT_EXCEEDED',
          `The workbook has more than ${maxCells.toLocaleString('en-US')} cells, the most accepted.`,
        );
      }
      cells.push({ row: rowNumber, column: columnNumber, text });
    });
  });
  return cells;
}

async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  try {
    return await new ExcelJS.Workbook().xlsx.load(bytes.slice().buffer);
  } catch {
    // exceljs trips over some valid drawings; charts are read separately, so retry without them.
  }
  try {
    return await new ExcelJS.Workbook().xlsx.load(await withoutDrawings(bytes));
  } catch (error) {
    throw new ParseError('CORRUPT_FILE', 'The spreadsheet is damaged and cannot be read.', { cause: error });
  }
}

/**
 * XLSX/XLSM: each visible sheet becomes a level-2 heading with its name, then one Markdown table
 * per group of touching cells (header = the group's first row; a lone cell is a paragraph), then
 * its charts (title + cached data) and cell comments (legacy and threaded). Formulas show their
 * cached results; merged cells repeat their value. Hidden sheets are skipped with a warning. Only
 * stored cells are visited, so a sheet whose declared dimension is inflated (A1:C1048496) costs
 * nothing extra; more than `maxSheetCells` non-empty cells fails with `LIMIT_EXCEEDED`. The ZIP is
 * checked and inflated under the limits before exceljs sees it.
 */
export async function parseXlsx(bytes: Uint8Array, context: ParseContext): Promise<ParsedDocument> {
  const archive = openZipArchive(bytes, context.limits);
  archive.verifyAll();
  const workbook = await loadWorkbook(bytes);
  const builder = new DocumentBuilder(context.mimeType, context.limits.maxChars);
  const parts = sheetPartsByName(archive);
  const budget = { cells: 0 };
  let sheets = 0;
  for (const worksheet of workbook.worksheets) {
    context.signal?.throwIfAborted();
    const sheet = worksheet.name;
    if (worksheet.state !== 'visible') {
      builder.warn(`sheet "${sheet}" is hidden and was skipped`);
      continue;
    }
    sheets += 1;
    const cells = readCells(worksheet, budget, context.limits.maxSheetCells);
    const part = parts.get(sheet);
    const charts = part === undefined ? [] : sheetChartBlocks(archive, part);
    const comments = part === undefined ? [] : sheetComments(archive, part);
    if (cells.length === 0 && charts.length === 0 && comments.length === 0) {
      continue;
    }
    builder.add({ kind: 'heading', text: sheet, level: 2, sheet });
    for (const region of sheetRegions(cells)) {
      const lone = region.rows.length === 1 && region.rows[0]?.length === 1;
      builder.add(
        lone
          ? { kind: 'paragraph', text: region.rows[0]?.[0] ?? '', sheet }
          : { kind: 'table', text: markdownTable(region.rows), sheet },
      );
    }
    builder.addAll(charts, { sheet });
    for (const comment of comments) {
      builder.add({ kind: 'paragraph', text: comment, sheet });
    }
  }
  const title = readCoreTitle(archive);
  return builder.finish({
    ...(title !== undefined ? { title } : {}),
    pageCount: sheets,
    headingAsTitle: false,
    emptyMessage: 'The spreadsheet has no values.',
  });
}

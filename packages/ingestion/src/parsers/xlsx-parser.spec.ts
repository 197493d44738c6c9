import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from './parse-document.ts';
import { sheetRegions } from './sheet-regions.ts';
import { makeXlsx } from './testing/fixtures.ts';
import { cellValueText } from './xlsx-cell-text.ts';

describe('parseXlsx', () => {
  it('gives each visible sheet a heading and its tables, with cached formula results', async () => {
    const document = await parseDocument(await makeXlsx(), { filename: 'sales.csv' });
    expect(document.pageCount).toBe(2);
    expect(document.warnings).toEqual(['sheet "Secret" is hidden and was skipped']);
    expect(document.blocks).toEqual([
      { kind: 'heading', text: 'Sales', level: 2, sheet: 'Sales' },
      {
        kind: 'table',
        text: '| Product | Units | Price |\n| --- | --- | --- |\n| Widget | 3 | 2.5 |\n| Gadget | 4 | 10 |',
        sheet: 'Sales',
      },
      { kind: 'table', text: '| Total | 7 |\n| --- | --- |', sheet: 'Sales' },
      { kind: 'heading', text: 'Notes', level: 2, sheet: 'Notes' },
      { kind: 'table', text: '| Region | Owner |\n| --- | --- |\n| North | Alice |', sheet: 'Notes' },
    ]);
  });

  it('counts only stored cells: a sheet whose dimension claims a million rows is cheap', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Tall');
    sheet.addRow(['a', 'b']);
    sheet.addRow([1, 2]);
    sheet.getCell('A1048000').value = 'far away';
    const document = await parseDocument(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(document.blocks.map((block) => block.text)).toEqual([
      'Tall',
      '| a | b |\n| --- | --- |\n| 1 | 2 |',
      'far away',
    ]);
  });

  it('refuses more cells than maxSheetCells', async () => {
    await expect(parseDocument(await makeXlsx(), { limits: { maxSheetCells: 5 } })).rejects.toMatchObject({
      code: 'LIMIT_EXCEEDED',
    });
  });
});

describe('sheetRegions', () => {
  it('splits cells into tables of edge-connected cells, in reading order', () => {
    const regions = sheetRegions([
      { row: 1, column: 1, text: 'Title' },
      { row: 3, column: 2, text: 'x' },
      { row: 3, column: 3, text: 'y' },
      { row: 4, column: 2, text: '1' },
      { row: 2, column: 2, text: 'diagonal only' },
    ]);
    expect(regions.map((region) => region.rows)).toEqual([
      [['Title']],
      [
        ['diagonal only', ''],
        ['x', 'y'],
        ['1', ''],
      ],
    ]);
  });
});

describe('cellValueText', () => {
  it('shows values as a spreadsheet would', () => {
    expect(cellValueText({ formula: 'A1*2', result: 0.1 + 0.2 })).toBe('0.3');
    expect(cellValueText(0.256, '0.0%')).toBe('25.6%');
    expect(cellValueText(new Date(Date.UTC(2024, 0, 2)), 'yyyy-mm-dd')).toBe('2024-01-02');
    expect(cellValueText(new Date(Date.UTC(2024, 0, 2)), 'yyyy-mm-dd h:mm:ss')).toBe('2024-01-02 00:00:00');
    expect(cellValueText({ richText: [{ text: 'a' }, { text: 'b' }] })).toBe('ab');
    expect(cellValueText({ text: 'site', hyperlink: 'https://x.y' })).toBe('site');
    expect(cellValueText({ error: '#N/A' })).toBe('#N/A');
    expect(cellValueText(true)).toBe('TRUE');
  });
});

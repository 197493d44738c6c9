import { describe, expect, it } from 'vitest';
import { readCsvRecords, sniffCsvDelimiter } from './csv-reader.ts';

describe('readCsvRecords', () => {
  it('reads quoted fields with delimiters, escaped quotes and line breaks (RFC 4180)', () => {
    const text = 'name,quote\r\n"Lozano, Dr","He said ""hi""\nthen left"\r\nplain,\n';
    expect([...readCsvRecords(text, ',')]).toEqual([
      ['name', 'quote'],
      ['Lozano, Dr', 'He said "hi"\nthen left'],
      ['plain', ''],
    ]);
  });

  it('skips blank lines and accepts a missing final newline and CR-only breaks', () => {
    expect([...readCsvRecords('a;b\r\r1;2', ';')]).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});

describe('sniffCsvDelimiter', () => {
  it.each([
    [',', 'a,b,c\n1,2,3\n4,5,6\n'],
    [';', 'a;b;c\n1,5;2;3\n4;5;6\n'],
    ['\t', 'a\tb\n1\t2\n'],
    ['|', 'a|b|c\n1|"x|y"|3\n'],
  ])('finds %j', (delimiter, text) => {
    expect(sniffCsvDelimiter(text)?.delimiter).toBe(delimiter);
  });

  it('returns undefined when nothing splits the lines', () => {
    expect(sniffCsvDelimiter('one\ntwo\n')).toBeUndefined();
  });
});

/** Delimiters tried by {@link sniffCsvDelimiter}, in order of preference on a tie. */
export const CSV_DELIMITERS: readonly string[] = [',', ';', '\t', '|'];

/** A delimiter chosen by {@link sniffCsvDelimiter} and how well it fits the sample. */
export interface CsvDialect {
  delimiter: string;
  /** The most common number of fields per record. */
  fieldCount: number;
  /** Share of sampled records that have exactly `fieldCount` fields (0–1). */
  consistency: number;
  /** Number of records sampled. */
  sampledRecords: number;
}

/**
 * The records of RFC 4180 text: fields split on `delimiter`, double-quoted fields may hold the
 * delimiter, line breaks and `""` (an escaped quote); records end at CRLF, LF or CR. Lenient like
 * spreadsheet software: text after a closing quote is kept, an unclosed quote runs to the end.
 * Blank lines are skipped.
 */
export function* readCsvRecords(text: string, delimiter: string): Generator<string[]> {
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false;
  let index = 0;
  const length = text.length;
  const endRecord = function* (): Generator<string[]> {
    record.push(field);
    if (record.length > 1 || record[0] !== '' || fieldStarted) {
      yield record;
    }
    record = [];
    field = '';
    fieldStarted = false;
  };
  while (index < length) {
    const char = text[index] as string;
    if (quoted) {
      if (char === '"') {
        if (text[index + 1] === '"') {
          field += '"';
          index += 2;
          continue;
        }
        quoted = false;
      } else {
        field += char;
      }
      index += 1;
      continue;
    }
    if (char === '"' && field === '') {
      quoted = true;
      fieldStarted = true;
    } else if (char === delimiter) {
      record.push(field);
      field = '';
      fieldStarted = true;
    } else if (char === '\n' || char === '\r') {
      yield* endRecord();
      if (char === '\r' && text[index + 1] === '\n') {
        index += 1;
      }
    } else {
      field += char;
    }
    index += 1;
  }
  if (field !== '' || record.length > 0 || fieldStarted) {
    yield* endRecord();
  }
}

/**
 * The delimiter among {@link CSV_DELIMITERS} that splits the first `sampleRecords` records of `text`
 * most consistently into at least two fields; `undefined` when none does.
 */
export function sniffCsvDelimiter(text: string, sampleRecords = 50): CsvDialect | undefined {
  const sample = text.slice(0, 65_536);
  let best: CsvDialect | undefined;
  for (const delimiter of CSV_DELIMITERS) {
    if (!sample.includes(delimiter)) {
      continue;
    }
    const counts = new Map<number, number>();
    let sampled = 0;
    for (const record of readCsvRecords(sample, delimiter)) {
      counts.set(record.length, (counts.get(record.length) ?? 0) + 1);
      sampled += 1;
      if (sampled >= sampleRecords) {
        break;
      }
    }
    let fieldCount = 0;
    let frequency = 0;
    for (const [count, seen] of counts) {
      if (seen > frequency || (seen === frequency && count > fieldCount)) {
        fieldCount = count;
        frequency = seen;
      }
    }
    if (fieldCount < 2 || sampled === 0) {
      continue;
    }
    const candidate = { delimiter, fieldCount, consistency: frequency / sampled, sampledRecords: sampled };
    if (
      best === undefined ||
      candidate.consistency > best.consistency ||
      (candidate.consistency === best.consistency && candidate.fieldCount > best.fieldCount)
    ) {
      best = candidate;
    }
  }
  return best;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** A date as `YYYY-MM-DD`, plus ` HH:MM:SS` when the format shows time or the time is not midnight. */
export function formatCellDate(date: Date, numberFormat = ''): string {
  if (Number.isNaN(date.getTime())) {
    return '';
  }
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const seconds = date.getUTCHours() * 3600 + date.getUTCMinutes() * 60 + date.getUTCSeconds();
  const showsTime = /(?:^|[^a-z])(?:h|hh|ss)(?:[^a-z]|$)|am\/pm/i.test(numberFormat.replace(/"[^"]*"/g, ''));
  if (!showsTime && seconds === 0) {
    return day;
  }
  return `${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

/** A number as displayed: percentages and fixed decimals of simple formats, else up to 15 significant digits. */
export function formatCellNumber(value: number, numberFormat = ''): string {
  const format = numberFormat.replace(/"[^"]*"/g, '').split(';')[0] ?? '';
  const decimals = /0\.(0+)/.exec(format)?.[1]?.length;
  if (format.includes('%')) {
    const percent = value * 100;
    return `${decimals === undefined ? String(Number(percent.toPrecision(15))) : percent.toFixed(decimals)}%`;
  }
  if (decimals !== undefined && /^[#,0.\s]+$/.test(format)) {
    return value.toFixed(decimals);
  }
  return String(Number(value.toPrecision(15)));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function richText(value: unknown): string | undefined {
  if (isRecord(value) && Array.isArray(value.richText)) {
    return (value.richText as unknown[])
      .map((run) => (isRecord(run) && typeof run.text === 'string' ? run.text : ''))
      .join('');
  }
  return undefined;
}

/**
 * The text a spreadsheet shows for a cell value: strings as is, numbers and dates through
 * {@link formatCellNumber}/{@link formatCellDate}, booleans as TRUE/FALSE, errors as `#N/A`…, rich
 * text and hyperlinks by their text, and formulas by their cached result (the formula itself is
 * never shown; an uncached result is empty).
 */
export function cellValueText(value: unknown, numberFormat?: string): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number') {
    return formatCellNumber(value, numberFormat);
  }
  if (typeof value === 'boolean') {
    return value ? 'TRUE' : 'FALSE';
  }
  if (value instanceof Date) {
    return formatCellDate(value, numberFormat);
  }
  if (!isRecord(value)) {
    return '';
  }
  const rich = richText(value);
  if (rich !== undefined) {
    return rich;
  }
  if ('formula' in value || 'sharedFormula' in value) {
    return cellValueText(value.result, numberFormat);
  }
  if ('hyperlink' in value) {
    return richText(value.text) ?? (typeof value.text === 'string' ? value.text : '');
  }
  if (typeof value.error === 'string') {
    return value.error;
  }
  return '';
}

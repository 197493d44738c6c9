import { type Dimension, UNITS, type UnitDefinition } from './unit-table.ts';

/** Bad input to a conversion (unknown unit, incompatible dimensions, currency); the message is for the user. */
export class UnitError extends Error {
  override readonly name = 'UnitError';
}

/** The result of {@link convert}: full precision `value` in `unit`. */
export interface Conversion {
  value: number;
  unit: string;
  input: { value: number; unit: string };
  dimension: Dimension;
}

const CURRENCY =
  /^(?:usd|eur|gbp|jpy|chf|cny|rmb|inr|cad|aud|nzd|sek|nok|dkk|pln|czk|huf|rub|brl|mxn|krw|btc|eth|[$€£¥₹₽₩]|(?:us\s+)?dollars?|euros?|yen|yuan|rupees?|francs?|sterling|pounds?\s+sterling|bitcoins?)$/i;

const exact = new Map<string, UnitDefinition>();
const insensitive = new Map<string, UnitDefinition | null>();

function addInsensitive(key: string, unit: UnitDefinition): void {
  const lower = key.toLowerCase();
  const existing = insensitive.get(lower);
  insensitive.set(lower, existing === undefined || existing === unit ? unit : null);
}

for (const unit of UNITS) {
  for (const symbol of [unit.symbol, ...(unit.symbols ?? [])]) {
    const existing = exact.get(symbol);
    if (existing && existing !== unit) {
      throw new Error(`Unit symbol "${symbol}" is defined twice`);
    }
    exact.set(symbol, unit);
    // Data-size symbols stay case-sensitive: "MB" is a megabyte, "mb"/"Mb" are not guessed.
    if (unit.dimension !== 'data_size') {
      addInsensitive(symbol, unit);
    }
  }
  for (const name of [unit.name, ...(unit.names ?? [])]) {
    addInsensitive(name, unit);
    addInsensitive(`${name}s`, unit);
  }
}

function normalize(text: string): string {
  return text.trim().replace(/\s+/g, ' ').replace(/^° /, '°');
}

function lookup(text: string): UnitDefinition | undefined {
  return exact.get(text) ?? insensitive.get(text.toLowerCase()) ?? undefined;
}

/**
 * Resolves a unit symbol, name or alias. Symbols are tried case-sensitively first, then names and
 * unambiguous symbols case-insensitively; data-size symbols (B, kB, MiB…) only match exactly.
 * "degrees F", "deg C" and "° C" are understood. Throws {@link UnitError} for currencies and unknown units.
 */
export function resolveUnit(raw: string): UnitDefinition {
  const text = normalize(raw);
  if (CURRENCY.test(text)) {
    throw new UnitError('currency conversion is not supported (rates change; no network)');
  }
  const degrees = /^(?:degrees?|deg|°)\s*(.+)$/i.exec(text)?.[1];
  const unit =
    lookup(text) ??
    (degrees === undefined ? undefined : (lookup(`°${degrees.toUpperCase()}`) ?? lookup(degrees)));
  if (unit) {
    return unit;
  }
  const hint = /^[kmgt]i?b$/i.test(text)
    ? ' Data-size symbols are case-sensitive: kB, KiB, MB, MiB, GB, GiB, TB, TiB, B (byte), bit.'
    : ' Call list_units to see the supported units.';
  throw new UnitError(`Unknown unit "${raw}".${hint}`);
}

/** Options of {@link convert}. */
export interface ConvertOptions {
  /** Read temperatures as differences (10 °C → 18 °F) rather than readings (10 °C → 50 °F). */
  difference?: boolean;
}

function asDifference(unit: UnitDefinition): UnitDefinition {
  return unit.dimension === 'temperature' ? (exact.get(`Δ${unit.symbol}`) ?? unit) : unit;
}

/**
 * Converts `value` between two units of the same dimension. Absolute temperatures go through
 * kelvin with their offsets; temperature differences (Δ°C, Δ°F, or `difference: true`) have none.
 */
export function convert(
  value: number,
  fromText: string,
  toText: string,
  options: ConvertOptions = {},
): Conversion {
  if (!Number.isFinite(value)) {
    throw new UnitError('The value must be a finite number');
  }
  const adjust = options.difference ? asDifference : (unit: UnitDefinition) => unit;
  const from = adjust(resolveUnit(fromText));
  const to = adjust(resolveUnit(toText));
  if (from.dimension !== to.dimension) {
    throw new UnitError(
      `Cannot convert ${from.dimension} (${from.symbol}) to ${to.dimension} (${to.symbol}): incompatible dimensions`,
    );
  }
  const base = (value + (from.offset ?? 0)) * from.factor;
  const result = base / to.factor - (to.offset ?? 0);
  return { value: result, unit: to.symbol, input: { value, unit: from.symbol }, dimension: from.dimension };
}

const NUMBER = String.raw`[-+]?(?:\d[\d,_]*(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?`;
const PHRASE = new RegExp(
  String.raw`^\s*(?:convert\s+)?(${NUMBER})\s*(.+?)\s+(?:to|in|into|as|->|=>|→|=)\s+(.+?)\s*[?.!]?\s*$`,
  'i',
);

/**
 * Parses and converts phrases such as "5 km in miles", "72 °F to celsius" or "convert 1,024 MiB to GB"
 * (commas and underscores in numbers are digit-group separators). Throws {@link UnitError} otherwise.
 */
export function parseAndConvert(text: string): Conversion {
  const match = PHRASE.exec(text);
  const [, number, from, to] = match ?? [];
  if (number === undefined || from === undefined || to === undefined) {
    throw new UnitError(`Could not read "${text}": write "<number> <unit> to <unit>", e.g. "5 km in miles"`);
  }
  return convert(Number(number.replace(/[,_]/g, '')), from, to);
}

/** Rounds to 10 significant digits for display, dropping float noise (211.99999999999997 → "212"). */
export function formatNumber(value: number): string {
  return String(Number(value.toPrecision(10)));
}

/** The units of one dimension, or of all, for `list_units`. */
export function listUnits(
  dimension?: Dimension,
): { dimension: Dimension; units: { symbol: string; name: string; aliases: string[] }[] }[] {
  const groups = new Map<Dimension, { symbol: string; name: string; aliases: string[] }[]>();
  for (const unit of UNITS) {
    if (dimension !== undefined && unit.dimension !== dimension) {
      continue;
    }
    const list = groups.get(unit.dimension) ?? [];
    list.push({
      symbol: unit.symbol,
      name: unit.name,
      aliases: [...(unit.symbols ?? []), ...(unit.names ?? [])],
    });
    groups.set(unit.dimension, list);
  }
  return [...groups].map(([group, units]) => ({ dimension: group, units }));
}

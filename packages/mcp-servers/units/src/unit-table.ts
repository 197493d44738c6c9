/** The physical quantities the units server knows. */
export const DIMENSIONS = [
  'length',
  'mass',
  'volume',
  'area',
  'speed',
  'temperature',
  'temperature_difference',
  'data_size',
  'energy',
  'pressure',
  'time',
] as const;

/** One of {@link DIMENSIONS}. */
export type Dimension = (typeof DIMENSIONS)[number];

/**
 * A unit: `base = (value + offset) * factor` in the dimension's base unit (m, kg, m³, m², m/s, K,
 * K of difference, byte, J, Pa, s). Only absolute temperatures have an offset; a temperature
 * difference (Δ°C, Δ°F) has none, so an interval of 10 °C is 18 °F. `symbols` match case-sensitively; `names` match
 * case-insensitively (plural "s" added automatically).
 */
export interface UnitDefinition {
  symbol: string;
  name: string;
  dimension: Dimension;
  factor: number;
  offset?: number;
  symbols?: string[];
  names?: string[];
}

type Row = [symbol: string, name: string, factor: number, symbols?: string[], names?: string[]];

function rows(dimension: Dimension, list: Row[]): UnitDefinition[] {
  return list.map(([symbol, name, factor, symbols = [], names = []]) => ({
    symbol,
    name,
    dimension,
    factor,
    symbols,
    names,
  }));
}

const INCH = 0.0254;
const FOOT = 0.3048;
const YARD = 0.9144;
const MILE = 1609.344;
const LITRE = 0.001;
const US_GALLON = 3.785411784 * LITRE;
const IMPERIAL_GALLON = 4.54609 * LITRE;
const POUND = 0.45359237;

/** Every unit, grouped by dimension. US customary volumes are the default (`gal` = US gallon). */
export const UNITS: readonly UnitDefinition[] = [
  ...rows('length', [
    ['m', 'meter', 1, [], ['metre']],
    ['km', 'kilometer', 1000, [], ['kilometre']],
    ['cm', 'centimeter', 0.01, [], ['centimetre']],
    ['mm', 'millimeter', 0.001, [], ['millimetre']],
    ['µm', 'micrometer', 1e-6, ['um', 'μm'], ['micrometre', 'micron']],
    ['nm', 'nanometer', 1e-9, [], ['nanometre']],
    ['mi', 'mile', MILE, [], []],
    ['yd', 'yard', YARD, [], []],
    ['ft', 'foot', FOOT, ["'"], ['feet']],
    ['in', 'inch', INCH, ['"'], ['inches']],
    ['nmi', 'nautical mile', 1852, [], []],
    ['au', 'astronomical unit', 149_597_870_700, [], []],
    ['ly', 'light-year', 9_460_730_472_580_800, [], ['light year']],
  ]),
  ...rows('mass', [
    ['kg', 'kilogram', 1, [], ['kilo']],
    ['g', 'gram', 0.001, [], ['gramme']],
    ['mg', 'milligram', 1e-6, [], []],
    ['µg', 'microgram', 1e-9, ['ug', 'μg', 'mcg'], []],
    ['t', 'tonne', 1000, [], ['metric ton']],
    ['lb', 'pound', POUND, ['lbs'], []],
    ['oz', 'ounce', POUND / 16, [], []],
    ['st', 'stone', POUND * 14, [], []],
    ['short tn', 'short ton', POUND * 2000, [], ['US ton']],
    ['long tn', 'long ton', POUND * 2240, [], ['imperial ton']],
  ]),
  ...rows('volume', [
    ['m³', 'cubic meter', 1, ['m3', 'm^3'], ['cubic metre']],
    ['L', 'liter', LITRE, ['l'], ['litre']],
    ['mL', 'milliliter', LITRE / 1000, ['ml'], ['millilitre']],
    ['cL', 'centiliter', LITRE / 100, ['cl'], ['centilitre']],
    ['dL', 'deciliter', LITRE / 10, ['dl'], ['decilitre']],
    ['cm³', 'cubic centimeter', 1e-6, ['cm3', 'cc'], ['cubic centimetre']],
    ['gal', 'US gallon', US_GALLON, [], ['gallon']],
    ['imp gal', 'imperial gallon', IMPERIAL_GALLON, [], []],
    ['imp qt', 'imperial quart', IMPERIAL_GALLON / 4, [], []],
    ['imp pt', 'imperial pint', IMPERIAL_GALLON / 8, [], []],
    ['imp fl oz', 'imperial fluid ounce', IMPERIAL_GALLON / 160, [], []],
    ['ft³', 'cubic foot', FOOT ** 3, ['ft3', 'ft^3', 'cu ft'], ['cubic feet']],
    ['in³', 'cubic inch', INCH ** 3, ['in3', 'in^3', 'cu in'], ['cubic inches']],
    ['bbl', 'oil barrel', US_GALLON * 42, [], ['barrel']],
    ['qt', 'US quart', US_GALLON / 4, [], ['quart']],
    ['pt', 'US pint', US_GALLON / 8, [], ['pint']],
    ['cup', 'US cup', US_GALLON / 16, [], ['cup']],
    ['fl oz', 'US fluid ounce', US_GALLON / 128, ['floz'], ['fluid ounce']],
    ['tbsp', 'tablespoon', US_GALLON / 256, [], []],
    ['tsp', 'teaspoon', US_GALLON / 768, [], []],
  ]),
  ...rows('area', [
    ['m²', 'square meter', 1, ['m2', 'm^2', 'sq m'], ['square metre']],
    ['km²', 'square kilometer', 1e6, ['km2', 'km^2', 'sq km'], ['square kilometre']],
    ['cm²', 'square centimeter', 1e-4, ['cm2', 'cm^2'], ['square centimetre']],
    ['mm²', 'square millimeter', 1e-6, ['mm2', 'mm^2'], ['square millimetre']],
    ['ha', 'hectare', 1e4, [], []],
    ['ac', 'acre', 4046.8564224, [], []],
    ['ft²', 'square foot', FOOT * FOOT, ['ft2', 'ft^2', 'sq ft'], ['square feet']],
    ['in²', 'square inch', INCH * INCH, ['in2', 'in^2', 'sq in'], ['square inches']],
    ['yd²', 'square yard', YARD * YARD, ['yd2', 'yd^2', 'sq yd'], []],
    ['mi²', 'square mile', MILE * MILE, ['mi2', 'mi^2', 'sq mi'], []],
  ]),
  ...rows('speed', [
    ['m/s', 'meter per second', 1, ['mps'], ['meters per second', 'metres per second']],
    ['km/h', 'kilometer per hour', 1000 / 3600, ['kph', 'kmh', 'kmph'], ['kilometers per hour']],
    ['mph', 'mile per hour', MILE / 3600, ['mi/h'], ['miles per hour']],
    ['kn', 'knot', 1852 / 3600, ['kt'], []],
    ['ft/s', 'foot per second', FOOT, ['fps'], ['feet per second']],
  ]),
  { symbol: 'K', name: 'kelvin', dimension: 'temperature', factor: 1, symbols: ['°K'], names: ['kelvins'] },
  {
    symbol: '°C',
    name: 'celsius',
    dimension: 'temperature',
    factor: 1,
    offset: 273.15,
    symbols: ['C', 'ºC', 'degC', 'deg C'],
    names: ['degree celsius', 'degrees celsius', 'centigrade'],
  },
  {
    symbol: '°F',
    name: 'fahrenheit',
    dimension: 'temperature',
    factor: 5 / 9,
    offset: 459.67,
    symbols: ['F', 'ºF', 'degF', 'deg F'],
    names: ['degree fahrenheit', 'degrees fahrenheit'],
  },
  ...rows('temperature_difference', [
    ['ΔK', 'kelvin difference', 1, ['delta K', 'dK'], []],
    ['Δ°C', 'celsius difference', 1, ['delta °C', 'delta C', 'ΔC'], ['celsius degree']],
    ['Δ°F', 'fahrenheit difference', 5 / 9, ['delta °F', 'delta F', 'ΔF'], ['fahrenheit degree']],
  ]),
  ...rows('data_size', [
    ['bit', 'bit', 1 / 8, [], []],
    ['B', 'byte', 1, [], ['octet']],
    ['kB', 'kilobyte', 1e3, ['KB'], []],
    ['KiB', 'kibibyte', 1024, [], []],
    ['MB', 'megabyte', 1e6, [], []],
    ['MiB', 'mebibyte', 1024 ** 2, [], []],
    ['GB', 'gigabyte', 1e9, [], []],
    ['GiB', 'gibibyte', 1024 ** 3, [], []],
    ['TB', 'terabyte', 1e12, [], []],
    ['TiB', 'tebibyte', 1024 ** 4, [], []],
    ['PB', 'petabyte', 1e15, [], []],
    ['PiB', 'pebibyte', 1024 ** 5, [], []],
    ['kbit', 'kilobit', 1e3 / 8, ['kb'], []],
    ['Kibit', 'kibibit', 1024 / 8, [], []],
    ['Mbit', 'megabit', 1e6 / 8, ['Mb'], []],
    ['Mibit', 'mebibit', 1024 ** 2 / 8, [], []],
    ['Gbit', 'gigabit', 1e9 / 8, ['Gb'], []],
    ['Gibit', 'gibibit', 1024 ** 3 / 8, [], []],
    ['Tbit', 'terabit', 1e12 / 8, ['Tb'], []],
  ]),
  ...rows('energy', [
    ['J', 'joule', 1, [], []],
    ['kJ', 'kilojoule', 1000, [], []],
    ['cal', 'calorie', 4.184, [], []],
    ['kcal', 'kilocalorie', 4184, [], []],
    ['Wh', 'watt hour', 3600, [], ['watt-hour']],
    ['kWh', 'kilowatt hour', 3.6e6, [], ['kilowatt-hour']],
    ['MJ', 'megajoule', 1e6, [], []],
    ['GJ', 'gigajoule', 1e9, [], []],
    ['MWh', 'megawatt hour', 3.6e9, [], ['megawatt-hour']],
    ['BTU', 'British thermal unit', 1055.05585262, ['Btu'], []],
    ['eV', 'electronvolt', 1.602176634e-19, [], ['electron volt']],
  ]),
  ...rows('pressure', [
    ['Pa', 'pascal', 1, [], []],
    ['hPa', 'hectopascal', 100, [], []],
    ['kPa', 'kilopascal', 1000, [], []],
    ['MPa', 'megapascal', 1e6, [], []],
    ['mbar', 'millibar', 100, [], []],
    ['bar', 'bar', 1e5, [], []],
    ['atm', 'atmosphere', 101_325, [], []],
    ['psi', 'pound per square inch', (POUND * 9.80665) / (INCH * INCH), [], ['pounds per square inch']],
    ['mmHg', 'millimeter of mercury', 133.322387415, [], ['millimetre of mercury']],
    ['Torr', 'torr', 101_325 / 760, [], []],
    ['inHg', 'inch of mercury', 3386.389, [], ['inches of mercury']],
  ]),
  ...rows('time', [
    ['s', 'second', 1, ['sec', 'secs'], []],
    ['ms', 'millisecond', 0.001, [], []],
    ['µs', 'microsecond', 1e-6, ['us', 'μs'], []],
    ['ns', 'nanosecond', 1e-9, [], []],
    ['min', 'minute', 60, ['mins'], []],
    ['h', 'hour', 3600, ['hr', 'hrs'], []],
    ['d', 'day', 86_400, [], []],
    ['week', 'week', 604_800, ['wk', 'wks'], []],
    ['month', 'month (average Gregorian, 30.436875 d)', 2_629_746, ['mo'], ['month']],
    ['yr', 'year (average Gregorian, 365.2425 d)', 31_556_952, [], ['year']],
  ]),
];

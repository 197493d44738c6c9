import * as chrono from 'chrono-node';
import { instantFromLocal, type LocalFields, utcFromFields, zonedFields } from './zone-math.ts';

/** The languages `parseNatural` reads (`en-GB` reads 01/02 as 1 February). */
export const NATURAL_LOCALES = ['en', 'en-GB', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'ja'] as const;
export type NaturalLocale = (typeof NATURAL_LOCALES)[number];

const parsers: Record<NaturalLocale, chrono.Chrono> = {
  en: chrono.casual,
  'en-GB': chrono.en.GB,
  de: chrono.de.casual,
  fr: chrono.fr.casual,
  es: chrono.es.casual,
  it: chrono.it.casual,
  nl: chrono.nl.casual,
  pt: chrono.pt.casual,
  ja: chrono.ja.casual,
};

const FIELDS = ['year', 'month', 'day', 'hour', 'minute', 'second'] as const;
// Words that point backwards; with them "prefer the future" would turn "last Monday" into next Monday.
const PAST_MARKERS = /\b(?:last|ago|previous|past|yesterday|earlier|before)\b/i;

/** Options of {@link parseNatural}. */
export interface NaturalParseOptions {
  /** The reference instant ("now"), epoch milliseconds. */
  now: number;
  /** The IANA zone the text is read in. */
  zone: string;
  /** Read an ambiguous date ("Friday", "March 1") as the next one rather than the closest. */
  preferFuture: boolean;
  locale: NaturalLocale;
}

/** How a parsed expression was anchored. */
export type NaturalAnchor = 'elapsed' | 'calendar' | 'explicit_offset';

/** What {@link parseNatural} found. */
export interface NaturalParseResult {
  start: number;
  end: number | undefined;
  /** The part of the text that was understood. */
  matchedText: string;
  /** Components written in the text; the rest were implied from "now" or defaults. */
  known: string[];
  implied: string[];
  anchor: NaturalAnchor;
}

function fieldsOf(components: chrono.ParsedComponents): LocalFields {
  return {
    year: components.get('year') ?? 1970,
    month: components.get('month') ?? 1,
    day: components.get('day') ?? 1,
    hour: components.get('hour') ?? 0,
    minute: components.get('minute') ?? 0,
    second: components.get('second') ?? 0,
    millisecond: components.get('millisecond') ?? 0,
  };
}

/**
 * Resolves parsed components to an instant. Chrono runs on a "fake UTC" clock that shows the wall
 * time of `zone`, so its fields are wall-clock fields there: "in 3 hours" keeps its exact elapsed
 * time, an explicit offset or abbreviation ("5pm EST") wins, and anything else is wall-clock time
 * in `zone`, with DST gaps and overlaps resolved by `instantFromLocal`.
 */
function instantOf(
  components: chrono.ParsedComponents,
  fakeNow: number,
  options: NaturalParseOptions,
): { instant: number; anchor: NaturalAnchor } {
  const fields = fieldsOf(components);
  if (components.tags().has('result/relativeDateAndTime')) {
    return { instant: options.now + (utcFromFields(fields) - fakeNow), anchor: 'elapsed' };
  }
  const offset = components.isCertain('timezoneOffset') ? components.get('timezoneOffset') : null;
  if (offset !== null) {
    return { instant: utcFromFields(fields) - offset * 60_000, anchor: 'explicit_offset' };
  }
  return { instant: instantFromLocal(fields, options.zone), anchor: 'calendar' };
}

/**
 * Parses a natural-language date or time ("tomorrow at 5pm", "in 3 hours", "next Friday 9:00 CET")
 * relative to `options.now` in `options.zone`. Returns `undefined` when nothing is recognised; the
 * first expression in the text wins.
 */
export function parseNatural(text: string, options: NaturalParseOptions): NaturalParseResult | undefined {
  const fakeNow = utcFromFields(zonedFields(options.now, options.zone));
  const [result] = parsers[options.locale].parse(
    text,
    { instant: new Date(fakeNow), timezone: 0 },
    { forwardDate: options.preferFuture && !PAST_MARKERS.test(text) },
  );
  if (result === undefined) {
    return undefined;
  }
  const start = instantOf(result.start, fakeNow, options);
  return {
    start: start.instant,
    // chrono leaves `end` null (not undefined, despite its type) for a single date.
    end: result.end ? instantOf(result.end, fakeNow, options).instant : undefined,
    matchedText: result.text,
    known: FIELDS.filter((field) => result.start.isCertain(field)),
    implied: FIELDS.filter((field) => !result.start.isCertain(field)),
    anchor: start.anchor,
  };
}

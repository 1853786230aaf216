/**
 * Dates and numbers in words, the way readers of the site's language write them: `language` in
 * `content/site.yaml` (British English "1 December 2026", American "December 1, 2026"). One `Formats`
 * per build, made by src/data/site.ts; the functions in src/lib that put dates or numbers into words
 * take it, so they stay pure and a test can hand in any language. Machine formats (ISO dates in feeds,
 * iCalendar, JSON-LD, `<time datetime>`) never go through here.
 */

export interface Formats {
  /** The BCP 47 tag everything is formatted for. */
  readonly locale: string;
  /** A date and time formatter for these options (made once per set of options). */
  dateTime(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat;
  /** `1,234` in English, `1.234` in German; `options` as for Intl.NumberFormat. */
  number(value: number, options?: Intl.NumberFormatOptions): string;
}

export function createFormats(locale: string): Formats {
  // Intl formatters are slow to make and fast to use: pages format thousands of dates with a handful of option sets.
  const dateTimes = new Map<string, Intl.DateTimeFormat>();
  const numbers = new Map<string, Intl.NumberFormat>();
  return {
    locale,
    dateTime(options) {
      const key = JSON.stringify(options);
      let format = dateTimes.get(key);
      if (!format) dateTimes.set(key, (format = new Intl.DateTimeFormat(locale, options)));
      return format;
    },
    number(value, options = {}) {
      const key = JSON.stringify(options);
      let format = numbers.get(key);
      if (!format) numbers.set(key, (format = new Intl.NumberFormat(locale, options)));
      return format.format(value);
    },
  };
}

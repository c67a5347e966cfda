// How the page writes numbers, dates and people in the page's language: "2,4" and
// "29 november 2026" in Dutch, "2.4" and "29 November 2026" in English.

/** The locale for each of the handbook's languages (Flemish Dutch, British English dates). */
const LOCALES = { nl: "nl-BE", en: "en-GB" };

/**
 * Fill in a label's {placeholders}; a placeholder without a value stays as it is.
 * @param {string} label
 * @param {Object<string, *>} [values]
 * @returns {string}
 */
export function format(label, values = {}) {
  return String(label).replace(/\{(\w+)\}/g, (all, key) => (key in values ? String(values[key]) : all));
}

/**
 * Writers for one language.
 * @param {string} language "nl" or "en"
 * @param {Object<string, string>} L the page's labels
 * @returns {Readonly<object>}
 */
export function createText(language, L) {
  const locale = LOCALES[language] || language;
  const decimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const signed = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: "exceptZero" });
  const options = { day: "numeric", month: "long", year: "numeric" };
  // A calendar date (YYYY-MM-DD) is the same day everywhere; a moment is shown in local time
  const calendarDate = new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" });
  const localDate = new Intl.DateTimeFormat(locale, options);

  return Object.freeze({
    format,
    /** An average: "2,4"; "—" for none. */
    mean: (value) => (value === null ? L.no_rating : decimal.format(value)),
    /** A change: "+0,5", "−1,0", "0,0". */
    change: (value) => (value === null ? L.no_rating : signed.format(value)),
    /** A YYYY-MM-DD date, or an ISO time in this browser's time zone, as a date: "29 november 2026". */
    date: (value) => (value.length === 10 ? calendarDate.format(new Date(`${value}T00:00:00Z`)) : localDate.format(new Date(value))),
    /**
     * The names to show for responses: the name given, or "Zonder naam 1", "Zonder naam 2" …
     * in the order of the responses; this browser's own is marked.
     * @param {object[]} responses
     * @param {string|undefined} mine
     * @returns {Map<string, string>} response id → name to show
     */
    names(responses, mine) {
      const shown = new Map();
      let anonymous = 0;
      for (const response of responses) {
        const name = response.name.trim() || format(L.anonymous, { number: (anonymous += 1) });
        shown.set(response.id, response.id === mine ? format(L.you_named, { name }) : name);
      }
      return shown;
    },
  });
}


/*
 * Material's search worker, with stemmed queries and words that match with or without hyphens.
 *
 * Each language has its own search index (hooks/search_index.py); its config names the
 * language, so Material's worker uses that language's stemmer and stop words. Around it:
 *
 * - Hyphens: Material splits "Wi-Fi" into "wi" and "fi", so "wifi" found nothing. Each
 *   document gets companion fields with its hyphenated words written together ("wifi",
 *   "email"), boosted like the title and text they come from, and a query's hyphenated words
 *   are written together too: wifi, wi-fi and Wi-Fi find the same pages, and the parts still
 *   match on their own ("coördinator" finds "ICT-coördinator").
 * - Stemming: Material searches every word as a prefix ("word*"), which lunr does not stem,
 *   so plain query words are stemmed here: "netwerkbeheerders" finds "netwerkbeheerder".
 *
 * Results name the terms as typed (termsAsTyped) and highlight words found through their
 * joined form (markJoinedWords). Query parameter: worker (the URL of Material's worker).
 */
"use strict";

const SETUP_MESSAGE = 0; // Material's SearchMessageType.SETUP
const QUERY_MESSAGE = 2; // Material's SearchMessageType.QUERY
const RESULT_MESSAGE = 3; // Material's SearchMessageType.RESULT

/** Words joined by hyphens (hyphen-minus, hyphen or non-breaking hyphen): "Wi-Fi", "e-mail". */
const HYPHENATED = /[\p{L}\p{N}]+(?:[-\u2010\u2011][\p{L}\p{N}]+)+/gu;
/** A query word that is a plain or hyphenated word, without operators. */
const QUERY_WORD = /^[\p{L}\p{N}]+(?:[-\u2010\u2011][\p{L}\p{N}]+)*$/u;
/** Each indexed field that gets a companion with its hyphenated words joined. */
const JOINED_FIELDS = { title: "titleJoined", text: "textJoined" };

const parameters = new URL(self.location.href).searchParams;

/** The language of the index, from its config (set by the "setup" message). */
let language = "en";

/**
 * A word without its hyphens, in lower case: "Wi-Fi" → "wifi".
 * @param {string} word
 * @returns {string}
 */
function joined(word) {
  return word.replace(/[-\u2010\u2011]/g, "").toLowerCase();
}

/**
 * The hyphenated words of an indexed field, each written together, separated by spaces.
 * @param {string} html - a document's title or text (HTML)
 * @returns {string}
 */
function joinedWords(html) {
  const text = html.replace(/<[^>]*>/g, " ");
  return Array.from(text.matchAll(HYPHENATED), (match) => joined(match[0])).join(" ");
}

/**
 * The index with a companion field of joined hyphenated words for the title and the text.
 * @param {{config: {fields: Object<string, object>}, docs: Array<Object<string, string>>}} index
 * @returns {object} the same index, with the companion fields configured and filled in
 */
function withJoinedFields(index) {
  const fields = { ...index.config.fields };
  for (const [field, companion] of Object.entries(JOINED_FIELDS)) {
    if (fields[field]) {
      fields[companion] = { ...fields[field] };
    }
  }
  const docs = index.docs.map((document) => {
    const companions = {};
    for (const [field, companion] of Object.entries(JOINED_FIELDS)) {
      const words = typeof document[field] === "string" ? joinedWords(document[field]) : "";
      if (words) {
        companions[companion] = words;
      }
    }
    return { ...document, ...companions };
  });
  return { ...index, config: { ...index.config, fields }, docs };
}

/** The last query's words as typed and as written together, by the term they were searched as. */
let typedWords = new Map();

/**
 * The stemmer of the index language, or undefined when lunr has none for it.
 * @returns {Function|undefined}
 */
function stemmer() {
  const lunr = self.lunr;
  if (!lunr) {
    return undefined;
  }
  return language === "en" ? lunr.stemmer : lunr[language] && lunr[language].stemmer;
}

/**
 * A query as Material should search it: hyphenated words written together and plain words
 * stemmed with the index language's stemmer; operators and wildcards are left alone.
 * @param {string} query - what the reader typed
 * @returns {string}
 */
function normaliseQuery(query) {
  typedWords = new Map();
  const stem = stemmer();
  const lunr = self.lunr;
  return query.split(/(\s+)/).map((word) => {
    if (!QUERY_WORD.test(word)) {
      return word.replace(HYPHENATED, joined); // "-wi-fi" → "-wifi", "wi-fi*" → "wifi*"
    }
    const shown = word.toLowerCase();
    const plain = joined(word);
    const searched = (stem && String(stem(new lunr.Token(plain, {})))) || plain;
    if (searched !== shown) {
      typedWords.set(searched, { shown, plain });
    }
    return searched;
  }).join("");
}

/**
 * A result's query terms named as the reader typed them. Material shows a term that a page
 * lacks struck through, and puts the terms a page matched into its link ("?h=") to highlight
 * them there: both showed stems ("schol" for "scholen"). A missing term is shown as typed; a
 * matched term is named by the typed word written together and by its stem, so the page
 * highlights the other word forms the stem found (Material's page highlighter splits at
 * hyphens, so a hyphenated word would highlight its parts everywhere).
 * @param {Object<string, boolean>} terms - Material's term → whether the page matched it
 * @returns {Object<string, boolean>}
 */
function termsAsTyped(terms) {
  const renamed = {};
  for (const [term, matched] of Object.entries(terms)) {
    const typed = typedWords.get(term);
    let name = term;
    if (typed !== undefined) {
      name = matched ? [...new Set([typed.plain, term])].join(" ") : typed.shown;
    }
    renamed[name] = renamed[name] || matched;
  }
  return renamed;
}

/**
 * Highlight, in a result's title or text, the hyphenated words whose joined form starts with
 * a matched term ("Wi-Fi" for "wifi"): Material highlights only words it found in the field
 * itself. Words that Material highlighted in part already ("<mark>ICT</mark>-coördinator")
 * are left as they are.
 * @param {string} html - the title or text of a result, with Material's <mark> elements
 * @param {string[]} terms - the matched terms, as searched
 * @returns {string}
 */
function markJoinedWords(html, terms) {
  if (!terms.length || typeof html !== "string") {
    return html;
  }
  let marked = 0; // depth inside Material's <mark> elements
  return html.split(/(<[^>]*>)/).map((part) => {
    if (part.startsWith("<")) {
      if (/^<mark\b/i.test(part)) {
        marked += 1;
      } else if (/^<\/mark>/i.test(part)) {
        marked = Math.max(0, marked - 1);
      }
      return part;
    }
    if (marked) {
      return part;
    }
    return part.replace(HYPHENATED, (word) =>
      terms.some((term) => joined(word).startsWith(term)) ? `<mark>${word}</mark>` : word);
  }).join("");
}

/**
 * A result as the page should show it: terms named as typed, joined matches highlighted and
 * the companion fields left out.
 * @param {{terms?: Object<string, boolean>, title?: string, text?: string}} document
 * @returns {object}
 */
function presented(document) {
  if (!document || !document.terms) {
    return document;
  }
  const shown = { ...document };
  for (const companion of Object.values(JOINED_FIELDS)) {
    delete shown[companion];
  }
  const matched = Object.keys(document.terms).filter((term) => document.terms[term]);
  shown.title = markJoinedWords(document.title, matched);
  shown.text = markJoinedWords(document.text, matched);
  shown.terms = termsAsTyped(document.terms);
  return shown;
}

/**
 * A result message with every document presented (see presented).
 * @param {{type: number, data: {items: Array<Array<object>>}}} message
 * @returns {object}
 */
function withPresentedResults(message) {
  if (!message || message.type !== RESULT_MESSAGE || !message.data) {
    return message;
  }
  const items = (message.data.items || []).map((group) => group.map(presented));
  return { ...message, data: { ...message.data, items } };
}

// Material's worker answers with the global postMessage; its results pass through here
const postResult = self.postMessage.bind(self);
self.postMessage = (message, ...rest) => postResult(withPresentedResults(message), ...rest);

const addListener = self.addEventListener.bind(self);
self.addEventListener = function (type, listener, options) {
  if (type !== "message") {
    return addListener(type, listener, options);
  }
  return addListener(type, (event) => {
    const message = event.data;
    if (message && message.type === SETUP_MESSAGE && message.data && message.data.config) {
      language = (message.data.config.lang || [language])[0];
      message.data = withJoinedFields(message.data);
    } else if (message && message.type === QUERY_MESSAGE && typeof message.data === "string") {
      message.data = normaliseQuery(message.data);
    }
    listener(event);
  }, options);
};

importScripts(parameters.get("worker"));

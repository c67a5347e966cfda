/*
 * Material's search worker, with stemmed queries and words that match with or without hyphens.
 *
 * Each language has its own search index (hooks/search_index.py); its config names the
 * language, so Material's worker uses that language's stemmer and stop words. Around it:
 *
 * - Hyphens: Material splits "Wi-Fi" into "wi" and "fi", so "wifi" found nothing. Each
 *   document gets companion fields with its hyphenated words written together ("wifi",
 *   "email") for its title, text and aliases, and a query's hyphenated words are written
 *   together too: wifi, wi-fi and Wi-Fi find the same pages, and the parts still match on
 *   their own ("coördinator" finds "ICT-coördinator"). A companion weighs a hundredth of its
 *   field: Material searches every word as a prefix, so "ict" also matched the joined
 *   "ictcoördinator", "ictbeleidsplan", … and any page full of "ICT-" words outranked the page
 *   that held the query's other, rarer words.
 * - Aliases typed whole: task, role, step and characteristic pages carry their aliases in a field
 *   (hooks/search_index.py, boosted in mkdocs.yml). Its companion also holds each alias of
 *   more than one word written as one ("wachtwoordvergeten", "whodoeswhat"), and a query of
 *   more than one word is also searched written as one, so an alias typed whole finds its page
 *   even when its words are stop words ("who does what"), which lunr leaves out.
 * - Stemming: Material searches every word as a prefix ("word*"), which lunr does not stem,
 *   so plain query words are stemmed here: "netwerkbeheerders" finds "netwerkbeheerder".
 * - Whole words: a query word also counts as a whole word, boosted, so a page that holds the
 *   word outranks pages that only hold longer words starting with it ("informat" and
 *   "informatieveiligheid"); a whole stop word is left out ("de" matched "delen").
 * - The parts of a hyphenated query word of three letters or more are searched on their own
 *   too, at their field's full weight ("ict-coördinator": "ict", "coördinator").
 *
 * The query sets in tests/search_queries/ measure all of this through the real search box.
 * Results name the terms as typed (termsAsTyped) and highlight words found through their
 * joined form (markJoinedWords). Query parameter: worker (the URL of Material's worker).
 */
"use strict";

const SETUP_MESSAGE = 0; // Material's SearchMessageType.SETUP
const QUERY_MESSAGE = 2; // Material's SearchMessageType.QUERY
const RESULT_MESSAGE = 3; // Material's SearchMessageType.RESULT

/** Words joined by hyphens (hyphen-minus, hyphen or non-breaking hyphen): "Wi-Fi", "e-mail". */
const HYPHENATED = /[\p{L}\p{N}]+(?:[-\u2010\u2011][\p{L}\p{N}]+)+/gu;
/** A query word that is a plain or hyphenated word, without operators; an apostrophe inside
 * is part of the word, as in the index ("camera's", "pc's", "school's"). */
const QUERY_WORD = /^[\p{L}\p{N}]+(?:['\u2019][\p{L}\p{N}]+)*(?:[-\u2010\u2011][\p{L}\p{N}]+(?:['\u2019][\p{L}\p{N}]+)*)*$/u;
/** The shortest part of a hyphenated query word that is also searched on its own. */
const SHORTEST_PART = 3;
/** The boost of a query word's exact match, on top of its match as a prefix (see below). */
const EXACT_BOOST = 2; // an integer: "term^2" is how the query syntax boosts
/** Each indexed field that gets a companion with its hyphenated words joined. */
const JOINED_FIELDS = { title: "titleJoined", text: "textJoined", aliases: "aliasesJoined" };
/** A companion's boost, as a share of its field's (see the top of this file). */
const COMPANION_SHARE = 0.01;
/** How hooks/search_index.py separates a page's aliases (an alias holds no comma). */
const ALIAS_SEPARATOR = ", ";
/** Fields that are searched but never shown: a result shows its title and text only. */
const HIDDEN_FIELDS = ["aliases", ...Object.values(JOINED_FIELDS)];

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
 * Several words written as one, in lower case, without hyphens or punctuation:
 * "forgot password" → "forgotpassword".
 * @param {string[]} words
 * @returns {string}
 */
function asOneWord(words) {
  return words.map((word) => word.replace(/[^\p{L}\p{N}]/gu, "").toLowerCase()).join("");
}

/**
 * The words of an aliases companion: the aliases' hyphenated words joined, and each alias of
 * more than one word written as one.
 * @param {string} aliases - a page's aliases, separated by ALIAS_SEPARATOR
 * @returns {string}
 */
function aliasWords(aliases) {
  const phrases = aliases.split(ALIAS_SEPARATOR)
    .map((alias) => alias.split(/[\s\-\u2010\u2011]+/u).filter(Boolean))
    .filter((words) => words.length > 1)
    .map(asOneWord);
  return [...new Set([joinedWords(aliases), ...phrases].join(" ").split(" ").filter(Boolean))].join(" ");
}

/**
 * The index with a companion field of joined hyphenated words for the title, the text and the
 * aliases (with the aliases of several words written as one), each at COMPANION_SHARE of its
 * field's boost.
 * @param {{config: {fields: Object<string, object>}, docs: Array<Object<string, string>>}} index
 * @returns {object} the same index, with the companion fields configured and filled in
 */
function withJoinedFields(index) {
  const fields = { ...index.config.fields };
  for (const [field, companion] of Object.entries(JOINED_FIELDS)) {
    if (fields[field]) {
      fields[companion] = { ...fields[field], boost: (fields[field].boost ?? 1) * COMPANION_SHARE };
    }
  }
  const docs = index.docs.map((document) => {
    const companions = {};
    for (const [field, companion] of Object.entries(JOINED_FIELDS)) {
      const value = document[field];
      const words = typeof value !== "string" ? ""
        : field === "aliases" ? aliasWords(value) : joinedWords(value);
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
/** The last query's words written as one (searched only to find aliases typed whole), if any. */
let wholeQueryTerm = null;
/** The parts of the last query's hyphenated words, searched on their own too (see below). */
let partTerms = new Set();

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
 * Whether lunr leaves `word` out of the index as a stop word of the index language.
 * @param {string} word
 * @returns {boolean}
 */
function isStopWord(word) {
  const lunr = self.lunr;
  const filter = lunr && (language === "en" ? lunr.stopWordFilter : lunr[language] && lunr[language].stopWordFilter);
  return Boolean(filter && word && filter(new lunr.Token(word.toLowerCase(), {})) === undefined);
}

/**
 * A word as the index holds it: stemmed with the index language's stemmer.
 * @param {string} word - in lower case, without hyphens
 * @returns {string}
 */
function stemmed(word) {
  const stem = stemmer();
  return (stem && String(stem(new self.lunr.Token(word, {})))) || word;
}

/**
 * A query as Material should search it: hyphenated words written together, plain words
 * stemmed with the index language's stemmer, and stop words left out unless the reader is
 * still typing them (Material searches each word as a prefix, so "de" found every title with
 * "delen" or "defecte"); operators and wildcards are left alone. A query of several plain
 * words is also searched written as one (wholeQueryTerm), for the aliases.
 * @param {string} query - what the reader typed
 * @returns {string}
 */
function normaliseQuery(query) {
  typedWords = new Map();
  wholeQueryTerm = null;
  partTerms = new Set();
  const parts = query.split(/(\s+)/).map((word, index, all) => {
    if (index < all.length - 1 && isStopWord(word)) {
      return ""; // a whole stop word ("de", "the") would only match words that start like it
    }
    if (!QUERY_WORD.test(word)) {
      return word.replace(HYPHENATED, joined); // "-wi-fi" → "-wifi", "wi-fi*" → "wifi*"
    }
    const shown = word.toLowerCase().replace(/\u2019/g, "'");
    const plain = joined(shown);
    const searched = stemmed(plain);
    if (searched !== shown) {
      typedWords.set(searched, { shown, plain });
    }
    // The parts of "ict-coördinator" are words of their own, found at their field's full
    // weight (the joined form only weighs a companion's share); short parts ("wi", "co", "e")
    // are not, and would match every word that starts like them
    const parts = shown.split(/[-\u2010\u2011]/).filter((part) => part.length >= SHORTEST_PART);
    if (parts.length > 1) {
      const own = parts.map((part) => stemmed(part)).filter((part) => part !== searched);
      own.forEach((part) => partTerms.add(part));
      return [searched, ...own].join(" ");
    }
    // Material searches every word as a prefix, so "informat" found "informatieveiligheid" as
    // strongly as the brand name itself; the word also counts as a whole word, exactly
    // ("term^n" is left without a wildcard, and lunr stems it as it stems the index)
    return EXACT_BOOST ? `${searched} ${searched}^${EXACT_BOOST}` : searched;
  });
  const words = query.trim().split(/\s+/);
  if (words.length > 1 && words.every((word) => QUERY_WORD.test(word))) {
    wholeQueryTerm = stemmed(asOneWord(words));
    parts.push(" ", wholeQueryTerm);
  }
  return parts.join("");
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
    if (term === wholeQueryTerm || (partTerms.has(term) && !matched)) {
      continue; // not a word the reader typed: the query as one, a missing part of a word
    }
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
 * the fields that are only searched (aliases, the companions) left out.
 * @param {{terms?: Object<string, boolean>, title?: string, text?: string}} document
 * @returns {object}
 */
function presented(document) {
  if (!document || !document.terms) {
    return document;
  }
  const shown = { ...document };
  for (const field of HIDDEN_FIELDS) {
    delete shown[field];
  }
  const matched = Object.keys(document.terms)
    .filter((term) => document.terms[term] && term !== wholeQueryTerm && !partTerms.has(term));
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

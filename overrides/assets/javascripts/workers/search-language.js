/*
 * Material's search worker, limited to the documents of one language, with stemming.
 *
 * mkdocs-static-i18n writes a single search index for all languages, so results would mix
 * Dutch and English. This worker wraps Material's own: before Material's message handler
 * sees the index (the "setup" message), it drops the other languages' documents and sets
 * the index language, so lunr indexes with the Dutch stemmer for Dutch and the English one
 * for English. Material turns every query word into a prefix search ("word*"), and lunr
 * does not stem such words; so each plain query word is stemmed here first, and
 * "netwerkbeheerders" finds "netwerkbeheerder". In the results, the query terms are renamed
 * back to the words as typed (see termsAsTyped).
 *
 * Query parameters: worker (Material's worker URL), lang (this page's language), languages
 * (all languages, the first being the default one, which lives at the site root).
 */
"use strict";

const SETUP_MESSAGE = 0; // Material's SearchMessageType.SETUP
const QUERY_MESSAGE = 2; // Material's SearchMessageType.QUERY
const RESULT_MESSAGE = 3; // Material's SearchMessageType.RESULT

const parameters = new URL(self.location.href).searchParams;
const language = parameters.get("lang");
const languages = (parameters.get("languages") || "").split(",").filter(Boolean);
const defaultLanguage = languages[0];

/**
 * Whether a search document belongs to the language of this page.
 * @param {{location: string}} document - an entry of search_index.json
 * @returns {boolean}
 */
function inLanguage(document) {
  const prefix = document.location.split("/")[0];
  const documentLanguage = languages.includes(prefix) && prefix !== defaultLanguage
    ? prefix
    : defaultLanguage;
  return documentLanguage === language;
}

/** The last query's words as typed, by the stem they were searched with. */
let typedWords = new Map();

/**
 * Stem the plain words of a query with this language's stemmer; leave operators alone.
 * @param {string} query - what the reader typed
 * @returns {string}
 */
function stemQuery(query) {
  typedWords = new Map();
  const lunr = self.lunr;
  const stemmer = lunr && (language === "en" ? lunr.stemmer : lunr[language] && lunr[language].stemmer);
  if (!stemmer) {
    return query;
  }
  return query.split(/(\s+)/).map((word) => {
    if (!/^[\p{L}\p{N}]+$/u.test(word)) {
      return word;
    }
    const typed = word.toLowerCase();
    const stem = String(stemmer(new lunr.Token(typed, {})));
    if (stem && stem !== typed) {
      typedWords.set(stem, typed);
    }
    return stem || word;
  }).join("");
}

/**
 * A result's query terms named as the reader typed them. Material shows a term that a page
 * lacks struck through, and puts the terms a page matched into its link ("?h=") to highlight
 * them there: both showed stems ("schol" for "scholen"). A matched term keeps its stem as well,
 * so the page highlights the other word forms the stem found.
 * @param {Object<string, boolean>} terms - Material's term → whether the page matched it
 * @returns {Object<string, boolean>}
 */
function termsAsTyped(terms) {
  const renamed = {};
  for (const [term, matched] of Object.entries(terms)) {
    const typed = typedWords.get(term);
    const name = typed === undefined ? term : matched ? `${typed} ${term}` : typed;
    renamed[name] = renamed[name] || matched;
  }
  return renamed;
}

/**
 * A result message with every document's terms renamed (see termsAsTyped).
 * @param {{type: number, data: {items: Array<Array<{terms: Object<string, boolean>}>>}}} message
 * @returns {object}
 */
function withTypedTerms(message) {
  if (!message || message.type !== RESULT_MESSAGE || !message.data || !typedWords.size) {
    return message;
  }
  const items = (message.data.items || []).map((group) => group.map((document) =>
    document && document.terms ? { ...document, terms: termsAsTyped(document.terms) } : document));
  return { ...message, data: { ...message.data, items } };
}

// Material's worker answers with the global postMessage; its results pass through here
const postResult = self.postMessage.bind(self);
self.postMessage = (message, ...rest) => postResult(withTypedTerms(message), ...rest);

const addListener = self.addEventListener.bind(self);
self.addEventListener = function (type, listener, options) {
  if (type !== "message") {
    return addListener(type, listener, options);
  }
  return addListener(type, (event) => {
    const message = event.data;
    if (message && message.type === SETUP_MESSAGE && message.data && languages.includes(language)) {
      message.data.docs = message.data.docs.filter(inLanguage);
      message.data.config.lang = [language];
    } else if (message && message.type === QUERY_MESSAGE && typeof message.data === "string") {
      message.data = stemQuery(message.data);
    }
    listener(event);
  }, options);
};

importScripts(parameters.get("worker"));

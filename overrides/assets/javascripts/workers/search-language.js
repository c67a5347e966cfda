/*
 * Material's search worker, limited to the documents of one language, with stemming.
 *
 * mkdocs-static-i18n writes a single search index for all languages, so results would mix
 * Dutch and English. This worker wraps Material's own: before Material's message handler
 * sees the index (the "setup" message), it drops the other languages' documents and sets
 * the index language, so lunr indexes with the Dutch stemmer for Dutch and the English one
 * for English. Material turns every query word into a prefix search ("word*"), and lunr
 * does not stem such words; so each plain query word is stemmed here first, and
 * "netwerkbeheerders" finds "netwerkbeheerder".
 *
 * Query parameters: worker (Material's worker URL), lang (this page's language), languages
 * (all languages, the first being the default one, which lives at the site root).
 */
"use strict";

const SETUP_MESSAGE = 0; // Material's SearchMessageType.SETUP
const QUERY_MESSAGE = 2; // Material's SearchMessageType.QUERY

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

/**
 * Stem the plain words of a query with this language's stemmer; leave operators alone.
 * @param {string} query - what the reader typed
 * @returns {string}
 */
function stemQuery(query) {
  const lunr = self.lunr;
  const stemmer = lunr && (language === "en" ? lunr.stemmer : lunr[language] && lunr[language].stemmer);
  if (!stemmer) {
    return query;
  }
  return query.split(/(\s+)/).map((word) => {
    if (!/^[\p{L}\p{N}]+$/u.test(word)) {
      return word;
    }
    const stem = String(stemmer(new lunr.Token(word.toLowerCase(), {})));
    return stem || word;
  }).join("");
}

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

/*
 * Material's search worker, limited to the documents of one language.
 *
 * mkdocs-static-i18n writes a single search index for all languages, so results would mix
 * Dutch and English. This worker wraps Material's own: before Material's message handler
 * sees the index (the "setup" message), it drops the other languages' documents and sets
 * the index language, so lunr uses the Dutch stemmer for Dutch and the English one for
 * English. Query parameters: worker (Material's worker URL), lang (this page's language),
 * languages (all languages, the first being the default one, which lives at the site root).
 */
"use strict";

const SETUP_MESSAGE = 0; // Material's SearchMessageType.SETUP

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
    }
    listener(event);
  }, options);
};

importScripts(parameters.get("worker"));

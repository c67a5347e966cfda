/*
 * On a page opened from a search result, highlight the hyphenated words that search found
 * through their joined form: "Wi-Fi" and "wi-fi" for "wifi", "co-account" for "coaccount".
 *
 * Material highlights a result's terms (the link's "h" parameter) on the page itself, but it
 * splits the page's text at hyphens, so a term that spans a hyphen is never found there. This
 * module marks just those words, the way Material marks the others (<mark data-md-highlight>).
 * The search worker does the same in the result list (workers/search-language.js,
 * markJoinedWords). main.html loads this module only when the address has an "h" parameter.
 */

/** Words joined by hyphens (hyphen-minus, hyphen or non-breaking hyphen), as in the worker. */
const HYPHENATED = /[\p{L}\p{N}]+(?:[-\u2010\u2011][\p{L}\p{N}]+)+/gu;
const HYPHEN = /[-\u2010\u2011]/;

/**
 * Whether `term` matches `word` only across a hyphen: its joined form starts with the term,
 * and its first part is shorter than the term (Material highlights the other cases itself).
 * @param {string} word - a hyphenated word as the page writes it ("Wi-Fi")
 * @param {string} term - a search term in lower case ("wifi")
 * @returns {boolean}
 */
export function spansHyphen(word, term) {
  const parts = word.toLowerCase().split(HYPHEN);
  return term.length > parts[0].length && parts.join("").startsWith(term);
}

/**
 * Wrap every hyphenated word under `root` that a term matches only across a hyphen in
 * <mark data-md-highlight>; text already inside a <mark> is left alone.
 * @param {Element} root
 * @param {string[]} terms - search terms in lower case
 * @returns {number} how many words were marked
 */
export function highlightJoinedWords(root, terms) {
  const nodes = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement.closest("mark, script, style") && HYPHENATED.test(node.data)) {
      nodes.push(node);
    }
    HYPHENATED.lastIndex = 0;
  }
  let count = 0;
  for (const node of nodes) {
    const pieces = [];
    let last = 0;
    for (const match of node.data.matchAll(HYPHENATED)) {
      if (terms.some((term) => spansHyphen(match[0], term))) {
        pieces.push(node.data.slice(last, match.index));
        const mark = document.createElement("mark");
        mark.setAttribute("data-md-highlight", "");
        mark.textContent = match[0];
        pieces.push(mark);
        last = match.index + match[0].length;
        count += 1;
      }
    }
    if (last > 0) {
      pieces.push(node.data.slice(last));
      node.replaceWith(...pieces.filter((piece) => piece !== ""));
    }
  }
  return count;
}

const terms = (new URL(location.href).searchParams.get("h") || "")
  .toLowerCase().split(/\s+/).filter(Boolean);
const content = document.querySelector("[data-md-component=content]");
if (terms.length && content) {
  highlightJoinedWords(content, terms);
}

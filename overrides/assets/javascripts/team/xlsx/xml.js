// A small XML reader and the escaping for writing, for the parts of an XLSX file. It reads
// elements, attributes, text, character and entity references, CDATA and comments, which is
// all that spreadsheet files use; a DOCTYPE (entity declarations) is refused. Pure: node --test
// checks it, and the page needs no DOMParser for it.

/**
 * @typedef {object} XmlElement
 * @property {string} name the qualified name, e.g. "x:c"
 * @property {string} local the name without its prefix, e.g. "c"
 * @property {Object<string, string>} attrs
 * @property {Array<(XmlElement|string)>} children
 */

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * Parse an XML document.
 * @param {string} text
 * @returns {XmlElement} the root element
 * @throws {Error} on XML this reader does not take
 */
export function parseXml(text) {
  const root = { name: "", local: "", attrs: {}, children: [] };
  const stack = [root];
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf("<", at);
    if (open < 0) {
      addText(stack, text.slice(at));
      break;
    }
    if (open > at) addText(stack, text.slice(at, open));
    if (text.startsWith("<?", open)) at = after(text, "?>", open);
    else if (text.startsWith("<!--", open)) at = after(text, "-->", open);
    else if (text.startsWith("<![CDATA[", open)) {
      const close = text.indexOf("]]>", open);
      if (close < 0) throw new Error("xml: unclosed CDATA");
      stack.at(-1).children.push(text.slice(open + 9, close));
      at = close + 3;
    } else if (text.startsWith("<!", open)) throw new Error("xml: a DOCTYPE is not read");
    else if (text[open + 1] === "/") {
      const close = text.indexOf(">", open);
      const name = text.slice(open + 2, close).trim();
      const element = stack.pop();
      if (!element || element.name !== name || stack.length === 0) throw new Error(`xml: unexpected </${name}>`);
      at = close + 1;
    } else {
      const close = tagEnd(text, open);
      const body = text.slice(open + 1, close);
      const selfClosing = body.endsWith("/");
      const element = startTag(selfClosing ? body.slice(0, -1) : body);
      stack.at(-1).children.push(element);
      if (!selfClosing) stack.push(element);
      at = close + 1;
    }
  }
  if (stack.length !== 1) throw new Error("xml: unclosed element");
  const element = root.children.find((child) => typeof child !== "string");
  if (!element) throw new Error("xml: no element");
  return element;
}

function after(text, marker, from) {
  const at = text.indexOf(marker, from);
  if (at < 0) throw new Error(`xml: missing ${marker}`);
  return at + marker.length;
}

/** Where a start tag ends, past any '>' inside quoted attribute values. */
function tagEnd(text, from) {
  let quote = "";
  for (let i = from + 1; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ">") return i;
  }
  throw new Error("xml: unclosed tag");
}

const ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function startTag(body) {
  const space = body.search(/\s/);
  const name = space < 0 ? body : body.slice(0, space);
  const attrs = {};
  if (space >= 0) {
    for (const match of body.slice(space).matchAll(ATTRIBUTE)) attrs[match[1]] = decode(match[2] ?? match[3]);
  }
  return { name, local: name.slice(name.indexOf(":") + 1), attrs, children: [] };
}

function addText(stack, raw) {
  if (stack.length > 1) stack.at(-1).children.push(decode(raw));
}

function decode(text) {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (all, ref) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[ref] ?? all;
  });
}

/**
 * The child elements of an element, optionally only those with a local name.
 * @param {XmlElement} element
 * @param {string} [local]
 * @returns {XmlElement[]}
 */
export function elements(element, local) {
  return element.children.filter((child) => typeof child !== "string" && (!local || child.local === local));
}

/**
 * The first child element with a local name.
 * @param {XmlElement} element
 * @param {string} local
 * @returns {XmlElement|undefined}
 */
export function first(element, local) {
  return element.children.find((child) => typeof child !== "string" && child.local === local);
}

/**
 * All the text inside an element, its descendants' included.
 * @param {XmlElement} element
 * @returns {string}
 */
export function textOf(element) {
  return element.children.map((child) => (typeof child === "string" ? child : textOf(child))).join("");
}

/**
 * Text as the content of an element or an attribute value: markup characters escaped, and
 * characters XML 1.0 does not allow (most control characters) left out.
 * @param {unknown} value
 * @returns {string}
 */
export function escapeXml(value) {
  return String(value)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

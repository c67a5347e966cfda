// Small DOM helpers any page of the handbook can use: build elements, speak to screen
// readers, show alerts and field errors, and keep focus and typing through a re-render.
// User data is only ever set as text (textContent, value, attributes), never parsed as HTML.

/**
 * Create an element: `el("a", {href: "#x", class: "c"}, "text", child)`. Strings become
 * text nodes; attributes with value false/null/undefined are left out.
 * @param {string} tag
 * @param {Object<string, *>} [attrs]
 * @param {...(Node|string|number)} children
 * @returns {HTMLElement}
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === "value") node.value = value;
    else if (name === "checked") node.checked = Boolean(value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/**
 * Say something to screen-reader users through a polite live region. The region is emptied
 * first, so saying the same text twice is heard twice; what is said within a moment is said
 * together, so one message never silences another.
 * @param {HTMLElement} live an element with aria-live="polite"
 * @returns {(text: string) => void}
 */
export function createAnnouncer(live) {
  let timer = 0;
  let queued = [];
  return (text) => {
    live.textContent = "";
    clearTimeout(timer);
    if (!queued.includes(text)) queued.push(text);
    timer = setTimeout(() => {
      live.textContent = queued.join(" ");
      queued = [];
    }, 50);
  };
}

/**
 * Alerts in one container, each with an id so it can be replaced or removed.
 * @param {HTMLElement} container
 * @returns {{show: Function, remove: (id: string) => void, has: (id: string) => boolean}}
 */
export function createAlerts(container) {
  const find = (id) => container.querySelector(`[data-alert="${id}"]`);
  return Object.freeze({
    /**
     * @param {string} id
     * @param {"warning"|"failure"|"info"} kind Material's admonition kinds
     * @param {string} text
     * @param {...Node} extra buttons and the like
     * @returns {HTMLElement}
     */
    show(id, kind, text, ...extra) {
      find(id)?.remove();
      const box = el("div", { class: `admonition ${kind} team-alert`, role: "alert", "data-alert": id }, el("p", {}, text), ...extra);
      container.append(box);
      return box;
    },
    remove(id) {
      find(id)?.remove();
    },
    has(id) {
      return Boolean(find(id));
    },
  });
}

/**
 * Mark a form field as wrong, with a message under it that screen readers read with the
 * field. The message goes when the field is next changed.
 * @param {HTMLInputElement} input
 * @param {string} text
 */
export function showFieldError(input, text) {
  const id = `${input.id || `${input.form?.id || "team"}-${input.name}`}-error`;
  let message = document.getElementById(id);
  if (!message) {
    message = el("p", { id, class: "team-field-error" });
    // Below the row of fields, so the fields keep their places
    (input.closest(".team-row, form, label") ?? input).after(message);
    input.addEventListener("input", () => clearFieldError(input), { once: true });
  }
  message.textContent = text;
  input.setAttribute("aria-invalid", "true");
  // The message first; a description the field had already stays
  const described = (input.getAttribute("aria-describedby") || "").split(" ").filter((part) => part && part !== id);
  input.setAttribute("aria-describedby", [id, ...described].join(" "));
}

/**
 * Take a field's error message away (a description it had besides stays).
 * @param {HTMLInputElement} input
 */
export function clearFieldError(input) {
  const described = (input.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
  const kept = described.filter((id) => {
    const node = document.getElementById(id);
    if (!node?.classList.contains("team-field-error")) return true;
    node.remove();
    return false;
  });
  input.removeAttribute("aria-invalid");
  if (kept.length) input.setAttribute("aria-describedby", kept.join(" "));
  else input.removeAttribute("aria-describedby");
}

/**
 * Run `render`, which may replace the focused element, and put focus back on the element that
 * takes its place, with what the user was typing and where the caret was. An element is found
 * again by its id, or by its row (data-task, data-member) and field (data-field, data-mfield).
 * @param {() => void} render
 */
export function keepFocus(render) {
  const active = document.activeElement;
  const address = active && active !== document.body ? addressOf(active) : null;
  // Text being typed, or a choice made with the arrow keys and not yet confirmed
  const pending = active?.tagName === "SELECT" && active.dataset.pending;
  const typing = address && (isTextField(active) || pending)
    ? { value: active.value, start: pending ? null : active.selectionStart, end: active.selectionEnd } : null;
  render();
  if (!address || active.isConnected) return;
  const again = document.querySelector(address);
  if (!again) return;
  // Focus first: a select may fill in its choices when it gets focus
  again.focus({ preventScroll: true });
  if (typing) again.value = typing.value;
  if (pending) again.dataset.pending = pending;
  if (typing && typing.start !== null) {
    try {
      again.setSelectionRange(typing.start, typing.end);
    } catch {
      // number fields have no selection
    }
  }
}

function addressOf(node) {
  if (node.id) return `#${CSS.escape(node.id)}`;
  const row = node.closest("[data-task], [data-member]");
  const field = ["field", "mfield", "action"].find((name) => node.dataset[name]);
  if (!row || !field) return null;
  const rowAttr = row.dataset.task ? `[data-task="${CSS.escape(row.dataset.task)}"]` : `[data-member="${CSS.escape(row.dataset.member)}"]`;
  const attr = { field: "data-field", mfield: "data-mfield", action: "data-action" }[field];
  const value = node.type === "checkbox" ? `[value="${CSS.escape(node.value)}"]` : "";
  return `${rowAttr} [${attr}="${CSS.escape(node.dataset[field])}"]${value}`;
}

function isTextField(node) {
  return node.tagName === "TEXTAREA" || (node.tagName === "INPUT" && ["text", "search", "number"].includes(node.type));
}

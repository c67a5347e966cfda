// Files in and out of the browser: nothing leaves this machine (blob URLs, FileReader).

/**
 * A safe file name from a name, e.g. "Sint-Jozef 2025" → "sint-jozef-2025".
 * @param {string} name
 * @param {string} [fallback] when nothing usable is left
 * @returns {string}
 */
export function fileStem(name, fallback = "plan") {
  const stem = name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60);
  return stem || fallback;
}

/**
 * Today's date as YYYY-MM-DD, for file names.
 * @param {Date} [date]
 * @returns {string}
 */
export function isoDate(date = new Date()) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * Offer text or bytes as a file download.
 * @param {string} filename
 * @param {string|Uint8Array} content
 * @param {string} type MIME type
 */
export function download(filename, content, type) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The bytes of a file the user picked.
 * @param {File} file
 * @returns {Promise<Uint8Array>}
 */
export async function readBytes(file) {
  return new Uint8Array(await file.arrayBuffer());
}

/**
 * The text of a file the user picked, read as UTF-8 (a byte order mark is dropped).
 * @param {File} file
 * @returns {Promise<string>}
 */
export async function readText(file) {
  return new TextDecoder().decode(await readBytes(file));
}

/**
 * Whether bytes are a ZIP archive (an XLSX file is one), by their first bytes.
 * @param {Uint8Array} bytes
 * @returns {boolean}
 */
export function isZip(bytes) {
  return bytes.length > 3 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;
}

/**
 * A JSON file published beside the page (same origin), fetched when it is first needed.
 * @param {string} name e.g. "starter-teams.json"
 * @returns {Promise<unknown>}
 * @throws {Error} when it cannot be fetched or read
 */
export async function fetchJson(name) {
  const response = await fetch(new URL(name, window.location.href));
  if (!response.ok) throw new Error(`${name}: ${response.status}`);
  return response.json();
}

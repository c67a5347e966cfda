// XLSX workbooks (Office Open XML spreadsheets) written and read in the browser. The writer makes
// what a shared task list needs and nothing more: sheets of text, numbers, formulas with their
// computed value and web links; column widths, a styled header row that stays in view and prints
// on every page, a filter, drop-down lists, landscape pages fitted to the width. The reader takes
// what Excel, LibreOffice, Google Sheets and this writer save: shared and inline strings,
// numbers, booleans, formulas (their computed value). Pure apart from zip.js's streams.

import { escapeXml, elements, first, parseXml, textOf } from "./xml.js";
import { unzip, zip } from "./zip.js";

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const DOC = "http://schemas.openxmlformats.org/officeDocument/2006";
const MAX_ROWS = 1048576;
// Cell styles (cellXfs): 0 plain, 1 header, 2 wrapped at the top, 3 at the top, 4 a link
const STYLE = Object.freeze({ plain: 0, header: 1, wrap: 2, top: 3, link: 4 });

/** Why a workbook cannot be read. */
export class XlsxError extends Error {}

/**
 * A column's letters: 0 → "A", 25 → "Z", 26 → "AA".
 * @param {number} index zero-based
 * @returns {string}
 */
export function columnName(index) {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * A column's index from its letters: "A" → 0, "AA" → 26.
 * @param {string} letters
 * @returns {number}
 */
export function columnIndex(letters) {
  let index = 0;
  for (const letter of letters.toUpperCase()) index = index * 26 + letter.charCodeAt(0) - 64;
  return index - 1;
}

/**
 * A sheet's name as a formula writes it: 'Taken'!A1.
 * @param {string} name
 * @returns {string}
 */
export function sheetRef(name) {
  return `'${name.replace(/'/g, "''")}'`;
}

// ---- Writing ------------------------------------------------------------------------------------

/**
 * @typedef {null|string|number|{formula: string, value: (string|number)}|{text: string, link: string}} Cell
 * @typedef {object} SheetSpec
 * @property {string} name at most 31 characters
 * @property {Array<{width?: number, wrap?: boolean}>} [columns]
 * @property {Cell[][]} rows the first row is the header row when `header` is set
 * @property {boolean} [header] style the first row as headings, keep it in view (frozen) and
 *   print it on every page
 * @property {boolean} [filter] a filter on the header row, over the rows given
 * @property {Array<{range: string, list?: string[], source?: string, prompt?: {title: string, text: string}}>} [lists]
 *   drop-down lists: a fixed list of words, or a range of another sheet (source)
 * @property {boolean} [landscape] print landscape, fitted to the page width
 */

/**
 * The bytes of an XLSX file.
 * @param {{sheets: SheetSpec[], title?: string, creator?: string, language?: string}} book
 * @returns {Promise<Uint8Array>}
 */
export async function writeXlsx(book) {
  const sheets = book.sheets;
  const files = [
    { name: "[Content_Types].xml", data: contentTypes(sheets.length) },
    { name: "_rels/.rels", data: rels([["rId1", `${REL}/officeDocument`, "xl/workbook.xml"],
      ["rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"],
      ["rId3", `${REL}/extended-properties`, "docProps/app.xml"]]) },
    { name: "docProps/core.xml", data: core(book) },
    { name: "docProps/app.xml", data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="${DOC}/extended-properties"><Application>ICT-team handbook</Application></Properties>` },
    { name: "xl/workbook.xml", data: workbook(sheets) },
    { name: "xl/_rels/workbook.xml.rels", data: rels([...sheets.map((_, i) => [`rId${i + 1}`, `${REL}/worksheet`, `worksheets/sheet${i + 1}.xml`]),
      [`rId${sheets.length + 1}`, `${REL}/styles`, "styles.xml"]]) },
    { name: "xl/styles.xml", data: STYLES },
  ];
  sheets.forEach((sheet, i) => {
    const { xml, links } = worksheet(sheet);
    files.push({ name: `xl/worksheets/sheet${i + 1}.xml`, data: xml });
    if (links.length) {
      files.push({ name: `xl/worksheets/_rels/sheet${i + 1}.xml.rels`,
        data: rels(links.map((url, n) => [`rId${n + 1}`, `${REL}/hyperlink`, url, true])) });
    }
  });
  return zip(files);
}

function contentTypes(count) {
  const sheets = Array.from({ length: count }, (_, i) =>
    `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
    + `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>`
    + `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets}`
    + `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`
    + `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>`
    + `<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`;
}

function rels(list) {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">${list.map(([id, type, target, external]) =>
    `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"${external ? ' TargetMode="External"' : ""}/>`).join("")}</Relationships>`;
}

function core(book) {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`
    + `<dc:title>${escapeXml(book.title || "")}</dc:title><dc:creator>${escapeXml(book.creator || "")}</dc:creator>`
    + `<dc:language>${escapeXml(book.language || "")}</dc:language></cp:coreProperties>`;
}

function workbook(sheets) {
  const names = [];
  sheets.forEach((sheet, i) => {
    const width = Math.max(1, (sheet.columns || []).length, ...sheet.rows.map((r) => r.length));
    if (sheet.filter) names.push(`<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${escapeXml(`${sheetRef(sheet.name)}!$A$1:$${columnName(width - 1)}$${sheet.rows.length}`)}</definedName>`);
    if (sheet.header) names.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(`${sheetRef(sheet.name)}!$1:$1`)}</definedName>`);
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets>`
    + sheets.map((sheet, i) => `<sheet name="${escapeXml(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")
    + `</sheets>${names.length ? `<definedNames>${names.join("")}</definedNames>` : ""}</workbook>`;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS}">`
  + `<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>`
  + `<font><b/><sz val="11"/><color rgb="FFFFFFFF"/><name val="Calibri"/><family val="2"/></font>`
  + `<font><u/><sz val="11"/><color rgb="FF0563C1"/><name val="Calibri"/><family val="2"/></font></fonts>`
  + `<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>`
  + `<fill><patternFill patternType="solid"><fgColor rgb="FF1D4F91"/><bgColor indexed="64"/></patternFill></fill></fills>`
  + `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>`
  + `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>`
  + `<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`
  + `<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>`
  + `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>`
  + `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top"/></xf>`
  + `<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top"/></xf></cellXfs>`
  + `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

function worksheet(sheet) {
  const columns = sheet.columns || [];
  const width = Math.max(1, columns.length, ...sheet.rows.map((r) => r.length));
  const links = [];
  const linkRefs = [];
  const rows = sheet.rows.map((row, r) => {
    const cells = row.map((cell, c) => {
      if (cell === null || cell === undefined || cell === "") return "";
      const ref = `${columnName(c)}${r + 1}`;
      const style = sheet.header && r === 0 ? STYLE.header : columns[c]?.wrap ? STYLE.wrap : STYLE.top;
      if (typeof cell === "number") return `<c r="${ref}" s="${style}"><v>${cell}</v></c>`;
      if (typeof cell === "string") return `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(cell)}</t></is></c>`;
      if ("formula" in cell) {
        const value = typeof cell.value === "number" ? `<v>${cell.value}</v>` : `<v>${escapeXml(cell.value ?? "")}</v>`;
        return `<c r="${ref}" s="${style}"${typeof cell.value === "number" ? "" : ' t="str"'}><f>${escapeXml(cell.formula)}</f>${value}</c>`;
      }
      links.push(cell.link);
      linkRefs.push(`<hyperlink ref="${ref}" r:id="rId${links.length}"/>`);
      return `<c r="${ref}" s="${STYLE.link}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(cell.text)}</t></is></c>`;
    }).join("");
    return `<row r="${r + 1}">${cells}</row>`;
  }).join("");
  const view = sheet.header ? '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView>'
    : '<sheetView workbookViewId="0"/>';
  const cols = columns.length ? `<cols>${columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width || 12}" customWidth="1"/>`).join("")}</cols>` : "";
  const filter = sheet.filter ? `<autoFilter ref="A1:${columnName(width - 1)}${sheet.rows.length}"/>` : "";
  const lists = (sheet.lists || []).map((list) => {
    const formula = list.source || `"${list.list.join(",").replace(/"/g, '""')}"`;
    const prompt = list.prompt ? ` showInputMessage="1" promptTitle="${escapeXml(list.prompt.title.slice(0, 32))}" prompt="${escapeXml(list.prompt.text.slice(0, 255))}"` : "";
    // A name not on the list is allowed (a hand-typed partner, a name added later); the import checks it
    return `<dataValidation type="list" allowBlank="1" showErrorMessage="0"${prompt} sqref="${list.range}"><formula1>${escapeXml(formula)}</formula1></dataValidation>`;
  });
  const validations = lists.length ? `<dataValidations count="${lists.length}">${lists.join("")}</dataValidations>` : "";
  const hyperlinks = linkRefs.length ? `<hyperlinks>${linkRefs.join("")}</hyperlinks>` : "";
  const page = sheet.landscape ? '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' : '<pageSetup paperSize="9"/>';
  const props = sheet.landscape ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "";
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${REL}">${props}`
    + `<dimension ref="A1:${columnName(width - 1)}${Math.max(1, sheet.rows.length)}"/><sheetViews>${view}</sheetViews>`
    + `<sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>${rows}</sheetData>${filter}${validations}${hyperlinks}`
    + `<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>${page}</worksheet>`;
  return { xml, links };
}

/**
 * The whole rows of a column from a row on, as a list's range: "I2:I1048576" (rows added at
 * the bottom get the list too).
 * @param {number} column zero-based
 * @param {number} [fromRow] one-based
 * @returns {string}
 */
export function columnRange(column, fromRow = 2) {
  return `${columnName(column)}${fromRow}:${columnName(column)}${MAX_ROWS}`;
}

// ---- Reading ------------------------------------------------------------------------------------

/**
 * @typedef {object} SheetData
 * @property {string} name
 * @property {Map<number, Map<number, (string|number|boolean)>>} rows row number (one-based) →
 *   column index (zero-based) → value; empty cells are left out
 */

/**
 * The sheets of an XLSX file, with their cell values.
 * @param {Uint8Array} bytes
 * @returns {Promise<SheetData[]>} in the workbook's order
 * @throws {XlsxError} when it is not a workbook this reader takes
 */
export async function readXlsx(bytes) {
  let files;
  try {
    files = await unzip(bytes);
  } catch (error) {
    throw new XlsxError(`not a readable XLSX file (${error.message})`);
  }
  const text = (name) => {
    const data = files.get(name);
    return data ? new TextDecoder().decode(data) : null;
  };
  try {
    const book = text("xl/workbook.xml");
    if (!book) throw new XlsxError("not a readable XLSX file (no workbook)");
    const targets = new Map();
    const relsText = text("xl/_rels/workbook.xml.rels");
    if (relsText) {
      for (const rel of elements(parseXml(relsText), "Relationship")) {
        const target = rel.attrs.Target || "";
        targets.set(rel.attrs.Id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
      }
    }
    const sharedText = text("xl/sharedStrings.xml");
    const shared = sharedText ? elements(parseXml(sharedText), "si").map(stringItem) : [];
    const sheetList = first(parseXml(book), "sheets");
    return elements(sheetList || { children: [] }, "sheet").map((sheet) => {
      const id = Object.entries(sheet.attrs).find(([key]) => key.endsWith(":id"))?.[1];
      const xml = text(targets.get(id) || "");
      return { name: sheet.attrs.name || "", rows: xml ? sheetRows(parseXml(xml), shared) : new Map() };
    });
  } catch (error) {
    if (error instanceof XlsxError) throw error;
    throw new XlsxError(`not a readable XLSX file (${error.message})`);
  }
}

/** A shared string: its text, or its rich-text runs' text (without phonetic hints). */
function stringItem(si) {
  const plain = first(si, "t");
  if (plain) return textOf(plain);
  return elements(si, "r").map((run) => textOf(first(run, "t") || { children: [] })).join("");
}

function sheetRows(root, shared) {
  const rows = new Map();
  const data = first(root, "sheetData");
  if (!data) return rows;
  let rowNumber = 0;
  for (const row of elements(data, "row")) {
    rowNumber = row.attrs.r ? Number(row.attrs.r) : rowNumber + 1;
    const cells = new Map();
    let column = -1;
    for (const cell of elements(row, "c")) {
      const ref = /^([A-Z]+)(\d+)$/i.exec(cell.attrs.r || "");
      column = ref ? columnIndex(ref[1]) : column + 1;
      const value = cellValue(cell, shared);
      if (value !== null && value !== "") cells.set(column, value);
    }
    if (cells.size) rows.set(rowNumber, cells);
  }
  return rows;
}

function cellValue(cell, shared) {
  const type = cell.attrs.t || "n";
  if (type === "inlineStr") {
    const is = first(cell, "is");
    return is ? stringItem(is) : "";
  }
  const v = first(cell, "v");
  if (!v) return null;
  const raw = textOf(v);
  if (type === "s") return shared[Number(raw)] ?? "";
  if (type === "b") return raw === "1";
  if (type === "str" || type === "e" || type === "d") return raw;
  const number = Number(raw);
  return Number.isFinite(number) ? number : raw;
}

// Promise: the planner's spreadsheet files are written and read in the browser without any
// library: a ZIP archive round-trips (stored and deflated), the XML reader takes what
// spreadsheet programs write, and a workbook written here reads back with every value.
import assert from "node:assert/strict";
import { test } from "node:test";

import { columnIndex, columnName, readXlsx, writeXlsx, XlsxError } from "../../overrides/assets/javascripts/team/xlsx/xlsx.js";
import { elements, escapeXml, parseXml, textOf } from "../../overrides/assets/javascripts/team/xlsx/xml.js";
import { crc32, unzip, zip, ZipError } from "../../overrides/assets/javascripts/team/xlsx/zip.js";

test("CRC-32 is the standard one", () => {
  assert.equal(crc32(new TextEncoder().encode("123456789")), 0xcbf43926);
  assert.equal(crc32(new Uint8Array()), 0);
});

test("a ZIP archive round-trips, stored or deflated, and the same entries give the same bytes", async () => {
  const entries = [{ name: "a.txt", data: "hello ".repeat(1000) }, { name: "map/ü.xml", data: new Uint8Array([0, 1, 2, 255]) }];
  for (const compress of [true, false]) {
    const bytes = await zip(entries, { compress });
    const back = await unzip(bytes);
    assert.deepEqual([...back.keys()], ["a.txt", "map/ü.xml"]);
    assert.equal(new TextDecoder().decode(back.get("a.txt")), "hello ".repeat(1000));
    assert.deepEqual([...back.get("map/ü.xml")], [0, 1, 2, 255]);
    assert.deepEqual(await zip(entries, { compress }), bytes);
  }
  assert.ok((await zip(entries)).length < (await zip(entries, { compress: false })).length, "deflate makes it smaller");
});

test("a damaged, foreign or too large archive is refused with a reason", async () => {
  await assert.rejects(unzip(new TextEncoder().encode("not a zip at all")), ZipError);
  const bytes = await zip([{ name: "a.txt", data: "abcdef".repeat(100) }]);
  const broken = bytes.slice();
  broken[40] ^= 0xff; // inside the deflated data
  await assert.rejects(unzip(broken), ZipError);
  await assert.rejects(unzip(bytes, { maxSize: 10 }), /too large/);
});

test("the XML reader takes elements, attributes, entities, CDATA and comments", () => {
  const root = parseXml(`<?xml version="1.0"?>\n<!-- c --><x:a xmlns:x="u" k='v &amp; w' q="a>b"><b>1 &lt; 2 &#233;&#x20AC;</b><![CDATA[<raw>]]><c/></x:a>`);
  assert.equal(root.local, "a");
  assert.deepEqual(root.attrs, { "xmlns:x": "u", k: "v & w", q: "a>b" });
  assert.equal(textOf(elements(root, "b")[0]), "1 < 2 é€");
  assert.equal(root.children[1], "<raw>");
  assert.throws(() => parseXml('<!DOCTYPE x [<!ENTITY e "boom">]><x>&e;</x>'), /DOCTYPE/);
  assert.throws(() => parseXml("<a><b></a>"));
  assert.equal(escapeXml('a<b & "c"\u0001'), "a&lt;b &amp; &quot;c&quot;");
});

test("column letters", () => {
  assert.deepEqual([0, 25, 26, 701, 702].map(columnName), ["A", "Z", "AA", "ZZ", "AAA"]);
  assert.deepEqual(["A", "Z", "AA", "ZZ", "AAA"].map(columnIndex), [0, 25, 26, 701, 702]);
});

test("a workbook written here reads back with every value", async () => {
  const bytes = await writeXlsx({
    title: "Plan", creator: "test", language: "nl",
    sheets: [
      { name: "Taken", header: true, filter: true, landscape: true, columns: [{ width: 20 }, { width: 10 }, { width: 30, wrap: true }],
        rows: [["Taak", "Uren", "Link"], ["Wifi & <netwerk>", 40, { text: "https://example.org/a", link: "https://example.org/a" }],
          ["Eigen taak", 0, null]],
        lists: [{ range: "B2:B1048576", list: ["Te doen", "Klaar"] }, { range: "A2:A1048576", source: "'Team'!$A$2:$A$201", prompt: { title: "Team", text: "Kies een naam" } }] },
      { name: "Team", header: true, rows: [["Naam", "Uren"], ["Ann", { formula: "SUM(1,2)", value: 3 }], ["Bo", { formula: 'IF(1,"x","")', value: "x" }]] },
    ],
  });
  const sheets = await readXlsx(bytes);
  assert.deepEqual(sheets.map((s) => s.name), ["Taken", "Team"]);
  assert.equal(sheets[0].rows.get(2).get(0), "Wifi & <netwerk>");
  assert.equal(sheets[0].rows.get(2).get(1), 40);
  assert.equal(sheets[0].rows.get(2).get(2), "https://example.org/a");
  assert.equal(sheets[0].rows.get(3).get(1), 0);
  assert.equal(sheets[0].rows.get(3).has(2), false);
  assert.equal(sheets[1].rows.get(2).get(1), 3, "a formula reads as its value");
  assert.equal(sheets[1].rows.get(3).get(1), "x");
  await assert.rejects(readXlsx(await zip([{ name: "a.txt", data: "x" }])), XlsxError);
});

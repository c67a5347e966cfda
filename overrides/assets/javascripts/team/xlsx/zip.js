// ZIP archives in the browser, with nothing sent anywhere: what an XLSX file is made of. Entries
// are stored, or deflated with the platform's own CompressionStream ("deflate-raw", in Chromium,
// Firefox, Safari and Node); CRC-32 is computed here. Only what spreadsheets use: no
// encryption, no ZIP64, one disk. Reading refuses archives that would unpack to more than a
// limit, so a hostile file cannot fill the memory.

/** Why an archive cannot be read. */
export class ZipError extends Error {}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/**
 * The CRC-32 of some bytes (as ZIP and PNG use it).
 * @param {Uint8Array} bytes
 * @returns {number} unsigned 32-bit
 */
export function crc32(bytes) {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

async function transform(bytes, stream) {
  const writer = stream.writable.getWriter();
  writer.write(bytes).catch(() => {});
  writer.close().catch(() => {});
  return new Uint8Array(await new Response(stream.readable).arrayBuffer());
}

/**
 * An archive of the given entries, in their order. The same entries always give the same
 * bytes (every entry is dated 1 January 1980).
 * @param {Array<{name: string, data: (Uint8Array|string)}>} entries
 * @param {{compress?: boolean}} [options] deflate each entry (when the platform can)
 * @returns {Promise<Uint8Array>}
 */
export async function zip(entries, { compress = true } = {}) {
  const encoder = new TextEncoder();
  const deflate = compress && typeof CompressionStream === "function";
  const locals = [];
  const central = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const data = typeof entry.data === "string" ? encoder.encode(entry.data) : entry.data;
    const crc = crc32(data);
    const packed = deflate ? await transform(data, new CompressionStream("deflate-raw")) : data;
    const method = deflate ? 8 : 0;
    const local = new Uint8Array(30 + name.length);
    const view = new DataView(local.buffer);
    view.setUint32(0, 0x04034b50, true);
    view.setUint16(4, 20, true); // version needed: 2.0
    view.setUint16(6, 0x0800, true); // names are UTF-8
    view.setUint16(8, method, true);
    view.setUint16(10, 0, true); // time 00:00
    view.setUint16(12, 0x21, true); // date 1980-01-01
    view.setUint32(14, crc, true);
    view.setUint32(18, packed.length, true);
    view.setUint32(22, data.length, true);
    view.setUint16(26, name.length, true);
    local.set(name, 30);
    locals.push(local, packed);
    const header = new Uint8Array(46 + name.length);
    const h = new DataView(header.buffer);
    h.setUint32(0, 0x02014b50, true);
    h.setUint16(4, 20, true);
    h.setUint16(6, 20, true);
    h.setUint16(8, 0x0800, true);
    h.setUint16(10, method, true);
    h.setUint16(12, 0, true);
    h.setUint16(14, 0x21, true);
    h.setUint32(16, crc, true);
    h.setUint32(20, packed.length, true);
    h.setUint32(24, data.length, true);
    h.setUint16(28, name.length, true);
    h.setUint32(42, offset, true);
    header.set(name, 46);
    central.push(header);
    offset += local.length + packed.length;
  }
  const centralSize = central.reduce((sum, part) => sum + part.length, 0);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, entries.length, true);
  e.setUint16(10, entries.length, true);
  e.setUint32(12, centralSize, true);
  e.setUint32(16, offset, true);
  return concat([...locals, ...central, end]);
}

/**
 * The entries of an archive.
 * @param {Uint8Array} bytes
 * @param {{maxSize?: number}} [options] the most it may unpack to, in bytes
 * @returns {Promise<Map<string, Uint8Array>>} name → content
 * @throws {ZipError} when it is not an archive this module reads, or it is too large
 */
export async function unzip(bytes, { maxSize = 50_000_000 } = {}) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipError("not a ZIP archive");
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const decoder = new TextDecoder();
  const headers = [];
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw new ZipError("damaged central directory");
    const nameLength = view.getUint16(at + 28, true);
    const header = {
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      packedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    };
    if ((view.getUint16(at + 8, true) & 1) !== 0) throw new ZipError("encrypted entry");
    total += header.size;
    if (total > maxSize) throw new ZipError("too large");
    headers.push(header);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  const entries = new Map();
  for (const header of headers) {
    const local = header.offset;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) throw new ZipError("damaged entry");
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const packed = bytes.subarray(start, start + header.packedSize);
    if (packed.length !== header.packedSize) throw new ZipError("truncated entry");
    let data;
    if (header.method === 0) data = packed.slice();
    else if (header.method === 8) {
      try {
        data = await transform(packed, new DecompressionStream("deflate-raw"));
      } catch {
        throw new ZipError("damaged entry");
      }
    } else throw new ZipError(`compression method ${header.method}`);
    if (data.length !== header.size || crc32(data) !== header.crc) throw new ZipError("damaged entry");
    entries.set(header.name, data);
  }
  return entries;
}

function concat(parts) {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

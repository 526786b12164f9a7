// What an XLSX file is allowed to be before exceljs sees it. A workbook is a zip archive, and a hostile one
// can be a few megabytes that unpack to gigabytes (a zip bomb), or a million rows of XML: exceljs would unpack
// and build all of it in memory. So the archive's central directory is read here first (entry count, stated
// sizes, methods), then every entry is inflated as a stream that stops at the limit — the stated sizes are
// not trusted — and its XML is scanned for elements, nesting and worksheet rows. Only an archive within
// every limit goes to exceljs.
import { Inflate } from 'fflate';

/** The limits a scoring sheet's workbook must keep (documented in docs/sheets.md). */
export const XLSX_LIMITS = {
  /** Entries in the archive: a workbook has a dozen or two. */
  entries: 1000,
  /** All entries unpacked together: a body's sheet is well under 1 MB unpacked; 10,000 rows are about 2 MB. */
  unpackedBytes: 32 * 1024 * 1024,
  /** XML elements in all entries together (what exceljs's time and memory grow with): 10,000 rows of five
   *  cells are about 200,000. */
  xmlElements: 500_000,
  /** Nesting of XML elements: a worksheet's is 6 or so. */
  xmlDepth: 64,
};

export type GuardProblem =
  | { id: 'notZip' }
  | { id: 'zipUnsupported'; entry: string }
  | { id: 'tooManyEntries'; max: number }
  | { id: 'unpackedTooLarge'; max: number }
  | { id: 'tooManyRows'; sheet: string }
  | { id: 'tooManyElements'; max: number }
  | { id: 'tooDeep'; entry: string; max: number };

/** Checks an XLSX archive against XLSX_LIMITS and `maxRows` rows per worksheet, without trusting what it states. */
export function guardXlsx(bytes: Uint8Array, maxRows: number): { ok: true } | { ok: false; problem: GuardProblem } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => (at + 4 <= bytes.length ? view.getUint32(at, true) : -1);
  const u16 = (at: number) => (at + 2 <= bytes.length ? view.getUint16(at, true) : -1);
  // The end-of-central-directory record: within the last 22 + 65,535 bytes (its comment may be that long).
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0 || u32(0) !== 0x04034b50) return { ok: false, problem: { id: 'notZip' } };
  const count = u16(eocd + 10);
  let at = u32(eocd + 16);
  if (count === 0xffff || at === 0xffffffff) return { ok: false, problem: { id: 'zipUnsupported', entry: 'zip64' } };
  if (count > XLSX_LIMITS.entries) return { ok: false, problem: { id: 'tooManyEntries', max: XLSX_LIMITS.entries } };

  const listed: { name: string; method: number; flags: number; packed: number; unpacked: number; local: number }[] = [];
  let stated = 0;
  for (let n = 0; n < count; n++) {
    if (u32(at) !== 0x02014b50) return { ok: false, problem: { id: 'notZip' } };
    const nameLength = u16(at + 28);
    const entry = {
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: u16(at + 8),
      method: u16(at + 10),
      packed: u32(at + 20),
      unpacked: u32(at + 24),
      local: u32(at + 42),
    };
    if (entry.packed === 0xffffffff || entry.unpacked === 0xffffffff || entry.local === 0xffffffff) {
      return { ok: false, problem: { id: 'zipUnsupported', entry: entry.name } };
    }
    // Encrypted entries (flag bit 0) and methods other than stored (0) and deflated (8) are not a workbook's.
    if (entry.flags & 1 || (entry.method !== 0 && entry.method !== 8))
      return { ok: false, problem: { id: 'zipUnsupported', entry: entry.name } };
    // The sizes the archive states: a plain zip bomb says what it unpacks to, and stops here unread.
    stated += entry.unpacked;
    if (stated > XLSX_LIMITS.unpackedBytes) return { ok: false, problem: { id: 'unpackedTooLarge', max: XLSX_LIMITS.unpackedBytes } };
    listed.push(entry);
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);
  }

  // The sizes it really unpacks to: each entry inflated as a stream, stopped at the limit.
  const entries = new Map<string, Uint8Array>();
  let total = 0;
  let elements = 0;
  // workbook.xml and its relationships first: they name a worksheet that turns out too long.
  const first = (name: string) => (name === 'xl/workbook.xml' || name === 'xl/_rels/workbook.xml.rels' ? 0 : 1);
  for (const e of listed.sort((a, b) => first(a.name) - first(b.name))) {
    if (u32(e.local) !== 0x04034b50) return { ok: false, problem: { id: 'notZip' } };
    const start = e.local + 30 + u16(e.local + 26) + u16(e.local + 28);
    const data = bytes.subarray(start, start + e.packed);
    if (data.length !== e.packed) return { ok: false, problem: { id: 'notZip' } };
    const chunks: Uint8Array[] = [];
    let size = 0;
    let over = false;
    const take = (chunk: Uint8Array) => {
      if (over) return;
      size += chunk.length;
      if (total + size > XLSX_LIMITS.unpackedBytes) {
        over = true;
        return;
      }
      chunks.push(chunk);
    };
    if (e.method === 0) take(data);
    else {
      const inflate = new Inflate((chunk) => take(chunk));
      try {
        // Fed in slices so that a bomb stops after the slice that crossed the limit, not after all of it.
        for (let i = 0; i < data.length && !over; i += 16384) inflate.push(data.subarray(i, i + 16384), i + 16384 >= data.length);
      } catch {
        return { ok: false, problem: { id: 'notZip' } };
      }
    }
    if (over) return { ok: false, problem: { id: 'unpackedTooLarge', max: XLSX_LIMITS.unpackedBytes } };
    total += size;
    const whole = new Uint8Array(size);
    let k = 0;
    for (const c of chunks) {
      whole.set(c, k);
      k += c.length;
    }
    entries.set(e.name, whole);
    if (!/\.(xml|rels)$/i.test(e.name)) continue;
    const xml = scanXml(whole);
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(e.name) && xml.rows > maxRows) {
      return { ok: false, problem: { id: 'tooManyRows', sheet: worksheetName(entries, e.name) ?? e.name } };
    }
    elements += xml.elements;
    if (elements > XLSX_LIMITS.xmlElements) return { ok: false, problem: { id: 'tooManyElements', max: XLSX_LIMITS.xmlElements } };
    if (xml.depth > XLSX_LIMITS.xmlDepth) return { ok: false, problem: { id: 'tooDeep', entry: e.name, max: XLSX_LIMITS.xmlDepth } };
  }
  return { ok: true };
}

/** Elements, `row` elements and the deepest nesting of one XML entry, read as bytes (no parser yet). */
function scanXml(xml: Uint8Array): { elements: number; rows: number; depth: number } {
  let elements = 0,
    rows = 0,
    depth = 0,
    deepest = 0;
  for (let i = xml.indexOf(0x3c); i >= 0; i = xml.indexOf(0x3c, i + 1)) {
    const next = xml[i + 1];
    if (next === 0x2f) {
      depth = Math.max(0, depth - 1);
      continue;
    } // </…>
    if (next === 0x3f || next === 0x21) continue; // <?…?>, <!-- … -->, <![CDATA[
    elements++;
    // The local name (after an optional prefix: `<x:row`).
    let j = i + 1,
      start = j;
    while (j < xml.length && !NAME_END.has(xml[j])) {
      if (xml[j] === 0x3a) start = j + 1;
      j++;
    }
    if (j - start === 3 && xml[start] === 0x72 && xml[start + 1] === 0x6f && xml[start + 2] === 0x77) rows++;
    const end = xml.indexOf(0x3e, j);
    if (end < 0) break;
    if (xml[end - 1] !== 0x2f) deepest = Math.max(deepest, ++depth);
    i = end;
  }
  return { elements, rows, depth: deepest };
}
const NAME_END = new Set([0x20, 0x09, 0x0a, 0x0d, 0x3e, 0x2f]);

/** The name of the worksheet stored as `entry` (`xl/worksheets/sheet1.xml` → `评分表`), from workbook.xml. */
function worksheetName(entries: Map<string, Uint8Array>, entry: string): string | undefined {
  const text = (name: string) => {
    const b = entries.get(name);
    return b ? new TextDecoder().decode(b) : '';
  };
  const target = entry.replace(/^xl\//, '');
  const rel = [...text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)]
    .map((m) => m[0])
    .find((r) => attr(r, 'Target')?.replace(/^\/?(xl\/)?/, '') === target);
  const id = rel && attr(rel, 'Id');
  const sheet =
    id && [...text('xl/workbook.xml').matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => m[0]).find((s) => attr(s, 'r:id') === id);
  return sheet ? unescapeXml(attr(sheet, 'name') ?? '') : undefined;
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const unescapeXml = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);

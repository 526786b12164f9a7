// Zip archives with fixed bytes: the same content always gives the same file. Office files written by
// exceljs and docx carry the time of writing in every entry; the hand-over bundle must not change between runs.
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

/** 1980-01-01, the earliest time a zip entry can hold: an entry's time says nothing then. */
export const FIXED_ZIP_TIME = new Date(Date.UTC(1980, 0, 1, 12, 0, 0));

/** The entries in the given order, each stored with the fixed time. */
export function zipEntries(entries: [string, Uint8Array][]): Uint8Array {
  const files: Zippable = {};
  for (const [name, data] of entries) files[name] = [data, { mtime: FIXED_ZIP_TIME, level: 6 }];
  return zipSync(files);
}

/** The same archive with every entry's time fixed (order and content kept). */
export function normalizeZip(bytes: Uint8Array): Uint8Array {
  return zipEntries(Object.entries(unzipSync(bytes)));
}

/** The entries `filter` keeps (it sees each name and declared size before anything is inflated). */
export function unzipEntries(
  bytes: Uint8Array,
  filter?: (file: { name: string; originalSize: number }) => boolean,
): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(bytes, filter ? { filter } : undefined)));
}

export { strFromU8, strToU8 };

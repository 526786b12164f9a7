// Text decoding and offset → position mapping. Positions are UTF-16 code units like VS Code,
// computed on the text without its BOM (VS Code drops the BOM from a document's text too).
import type { Position, Range } from './types';

export type Decoded = { ok: true; text: string } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes UTF-8 (BOM dropped). Rejects invalid UTF-8 and binary content (NUL bytes). */
export function decodeText(bytes: Uint8Array): Decoded {
  // A NUL byte never occurs in a text evidence file; it means binary content named like one.
  if (bytes.indexOf(0) !== -1) return { ok: false, reason: 'binary content (NUL byte)' };
  try {
    return { ok: true, text: stripBom(utf8.decode(bytes)) };
  } catch {
    return { ok: false, reason: 'invalid UTF-8' };
  }
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Maps offsets to line/character. Lines end at \n; a \r before it stays on its line. */
export class LineIndex {
  private readonly starts: number[];
  constructor(readonly text: string) {
    const starts = [0];
    let i = text.indexOf('\n');
    while (i !== -1) { starts.push(i + 1); i = text.indexOf('\n', i + 1); }
    this.starts = starts;
  }
  get lineCount(): number { return this.starts.length; }
  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0, hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid; else hi = mid - 1;
    }
    // An offset on a CRLF line break's \n (YAML errors point there) is the end of the line's text:
    // like VS Code, a line's length never counts its \r.
    let end = lo + 1 < this.starts.length ? this.starts[lo + 1] - 1 : this.text.length;
    if (end > this.starts[lo] && this.text.charCodeAt(end - 1) === 13) end--;
    return { line: lo, character: Math.min(o, Math.max(end, this.starts[lo])) - this.starts[lo] };
  }
  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }
  lineStart(line: number): number { return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))]; }
  /** The line's text without its \n or \r\n. */
  lineText(line: number): string {
    if (line < 0 || line >= this.starts.length) return '';
    const start = this.starts[line];
    let end = line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.text.length;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return this.text.slice(start, end);
  }
  /** A range covering a whole line's text. */
  lineRange(line: number): Range {
    const start = this.lineStart(line);
    return this.range(start, start + this.lineText(line).length);
  }
}

export const ZERO_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

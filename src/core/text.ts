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

/**
 * Maps offsets to line/character, counting lines as VS Code does: a line ends at \r\n, \n or a lone \r
 * (old Mac text, some exporters), and a line's text never includes its line break.
 */
export class LineIndex {
  private readonly starts: number[];
  constructor(readonly text: string) {
    const starts = [0];
    if (text.indexOf('\r') === -1) {
      let i = text.indexOf('\n');
      while (i !== -1) {
        starts.push(i + 1);
        i = text.indexOf('\n', i + 1);
      }
    } else {
      const breaks = /\r\n?|\n/g;
      for (let m = breaks.exec(text); m; m = breaks.exec(text)) starts.push(m.index + m[0].length);
    }
    this.starts = starts;
  }
  get lineCount(): number {
    return this.starts.length;
  }
  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0,
      hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    // An offset on a line break (YAML errors point there) is the end of the line's text: like VS Code,
    // a line's length never counts its \r or \n. A position never falls between a surrogate pair's
    // halves (half an emoji): it moves back to the character's start.
    let end = lo + 1 < this.starts.length ? this.starts[lo + 1] - 1 : this.text.length;
    if (end > this.starts[lo] && this.text.charCodeAt(end - 1) === 13) end--;
    let at = Math.min(o, Math.max(end, this.starts[lo]));
    if (at > this.starts[lo] && isLowSurrogate(this.text.charCodeAt(at)) && isHighSurrogate(this.text.charCodeAt(at - 1))) at--;
    return { line: lo, character: at - this.starts[lo] };
  }
  /** A range on whole characters: an end inside a surrogate pair takes the whole character. */
  range(start: number, end: number): Range {
    let e = Math.max(start, end);
    if (e > start && e < this.text.length && isLowSurrogate(this.text.charCodeAt(e)) && isHighSurrogate(this.text.charCodeAt(e - 1))) e++;
    return { start: this.position(start), end: this.position(e) };
  }
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }
  /** The line's text without its line break. */
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

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

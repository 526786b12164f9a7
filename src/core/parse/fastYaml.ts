// A fast path for the YAML most evidence files are written in: block mappings and sequences of plain
// scalars (on one line or several), one-line 'single' or "double" quoted scalars without escapes,
// literal and folded block scalars (`|`, `|-`, `>`, `>-`) and one-line flow mappings and sequences,
// with comments and blank lines. For such text it builds the very nodes `yaml`'s parseDocument would
// (same classes, values, types and ranges) and the plain value, without the lexer, CST and composer:
// a seventh of the time on a 15 KB evidence file.
//
// It accepts nothing it is not sure of: tabs, a lone CR, control characters, anchors, aliases, tags,
// directives, document markers, kept block scalars, multi-line quoted scalars, escapes, nested or
// multi-line flow, explicit keys, duplicate keys, keys over 1024 characters, odd indentation, comments
// that `yaml` would attach to an earlier node… any of these returns undefined and the caller parses
// with `yaml` (parseYaml). A differential test (test/unit/fastYaml.test.ts) holds every accepted text
// to parseDocument.
//
// What it accepts (anything else: undefined, and `yaml` parses the text):
//
//   | construct                 | accepted                                          | left to yaml                              |
//   |---------------------------|---------------------------------------------------|-------------------------------------------|
//   | document                  | one block mapping at column 0                     | `---`, `...`, `%` directives, a scalar    |
//   | block mapping key         | [A-Za-z_][A-Za-z0-9_-]*, ≤ 1024 chars, unique     | quoted/explicit (`?`) keys, null/bool keys |
//   | block sequence            | `- item` at the parent's or a deeper indentation  | odd indentation                           |
//   | plain scalar              | one line or several (folded: space per break)     | indicator start, `: ` or ` #` inside      |
//   | quoted scalar             | one line, '' as the only escape in '…'            | `\` escapes, several lines               |
//   | block scalar              | `|`, `|-`, `>`, `>-` (no more-indented lines in >) | `|+`, `>+`, indentation indicators        |
//   | flow collection           | one line of scalars: `[a, b]`, `{k: v}`, `[{…}]`  | nested/multi-line flow, `[ ]`, `{}`, `,]` |
//   | comment                   | own line at one indentation, or after ` #`        | a comment yaml would attach elsewhere     |
//   | characters                | UTF-8 text, LF or CR LF                           | tab, lone CR, C0/C1 controls, BOM, U+2028 |
//   | anchors, aliases, tags    | —                                                 | all                                       |
//
// Upgrading `yaml`: CONTRIBUTING.md, "Upgrade the yaml package" (the differential fuzz at scale, with
// the seeds to use and what to do on a difference).
import { Document, isScalar, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';
import type { LineIndex } from '../text';
import type { YamlSource } from './yamlSource';

/** The characters the parser looks at, by name (char codes). */
const CH = {
  CR: 13,
  SPACE: 32,
  DOUBLE_QUOTE: 34,
  HASH: 35,
  SINGLE_QUOTE: 39,
  COMMA: 44,
  DASH: 45,
  COLON: 58,
  GREATER: 62,
  OPEN_BRACKET: 91,
  CLOSE_BRACKET: 93,
  OPEN_BRACE: 123,
  PIPE: 124,
  CLOSE_BRACE: 125,
} as const;

/** Bail-out signal inside the parser (never escapes this module). */
class NotSimple extends Error {}
const bail = (): never => {
  throw NOT_SIMPLE;
};
const NOT_SIMPLE = new NotSimple('not simple');

/** Control characters, a CR not ending a line, tab, NEL, line/paragraph separators, BOM: all left to `yaml`. */
// eslint-disable-next-line no-control-regex -- control characters are what this pattern finds
const UNSUPPORTED_CHAR = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f\u0085\u2028\u2029\ufeff]|\r(?!\n)/;
const KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** Keys the core schema would not read as strings. */
const NON_STRING_KEY = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
/** First characters of a plain scalar that are indicators in YAML (or need a second look). */
const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`]/;

interface Line {
  start: number;
  /** End of the line's text (before CR LF or LF). */
  end: number;
  /** Start of the next line (after the line break), or the text's length. */
  next: number;
  indent: number;
  /** First non-space offset; === end for blank lines. */
  content: number;
}
type Built = { node: Node; value: unknown; end: number };
/**
 * A node's range as `yaml` keeps it: where it starts, where its value ends, and where the node ends
 * (after a trailing comment or the line break that belongs to it).
 */
type NodeRange = [start: number, valueEnd: number, nodeEnd: number];

/**
 * Comment lines just skipped: `yaml` gives them either to the next item (same indentation) or to a
 * collection closing before it (more indented), whose range then runs to their end.
 */
interface CommentState {
  /** The content line (index; lines.length: the end) they stand before; −1 when none. */
  before: number;
  /** Their indentation (all the same). */
  indent: number;
  /** Where a collection that takes them ends (the next content line's first character). */
  end: number;
  /** Whether a collection closing before that line took them. */
  claimed: boolean;
}

let scalarTags: { test: RegExp; resolve: (s: string, onError: (m: string) => void, opt: object) => unknown; format?: string }[] | undefined;
const RESOLVE_OPTIONS = { intAsBigInt: false };

/** The core schema's implicit scalar tags, in the order `yaml` tries them. */
function tags(): NonNullable<typeof scalarTags> {
  if (!scalarTags) {
    scalarTags = [];
    for (const t of new Document().schema.tags as {
      default?: unknown;
      test?: RegExp;
      resolve?: unknown;
      format?: string;
      collection?: unknown;
    }[]) {
      if (t.default === true && t.test && !t.collection) scalarTags.push(t as NonNullable<typeof scalarTags>[number]);
    }
  }
  return scalarTags;
}

export function fastParseYaml(text: string, lines: LineIndex): YamlSource | undefined {
  if (UNSUPPORTED_CHAR.test(text)) return undefined;
  try {
    const p = new Parser(text);
    const root = p.document();
    return { text, lines, doc: { contents: root.node } as YamlSource['doc'], value: root.value, errors: [] };
  } catch (e) {
    if (e === NOT_SIMPLE) return undefined;
    throw e;
  }
}

class Parser {
  private readonly lines: Line[] = [];
  /** Index of the next line to read. */
  private at = 0;
  private depth = 0;
  /** The comment lines last skipped, and who takes them (nextSignificant(), closing()). */
  private readonly comments: CommentState = { before: -1, indent: -1, end: -1, claimed: false };

  constructor(private readonly text: string) {
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      const end = nl < 0 ? text.length : nl > start && text.charCodeAt(nl - 1) === CH.CR ? nl - 1 : nl;
      let c = start;
      while (c < end && text.charCodeAt(c) === CH.SPACE) c++;
      this.lines.push({ start, end, next: nl < 0 ? text.length : nl + 1, indent: c - start, content: c });
      if (nl < 0) break;
      start = nl + 1;
    }
  }

  document(): Built {
    const first = this.nextSignificant();
    if (first < 0 || this.lines[first].indent !== 0) bail();
    const line = this.lines[first];
    if (this.text.startsWith('---', line.content) || this.text.startsWith('...', line.content) || this.text[line.content] === '%') bail();
    const root = this.blockMap(0);
    if (this.at < this.lines.length) bail();
    this.consumingCommented();
    return root;
  }

  /**
   * Skips blank and comment lines from `at`; returns the index of the next content line (−1 at the end).
   * Comment lines (all at one indentation) at the indentation of the line after them go, in `yaml`, to
   * that line's item (at the end: column 0, to the document); more indented, to the collection at their
   * indentation that closes before that line, whose range then runs to their end (closing()).
   */
  private nextSignificant(): number {
    let i = this.at;
    let indent = -1;
    let last = -1;
    for (; i < this.lines.length; i++) {
      const l = this.lines[i];
      if (l.content === l.end) continue;
      if (this.text.charCodeAt(l.content) !== CH.HASH) break;
      if (indent >= 0 && l.indent !== indent) bail();
      indent = l.indent;
      last = i;
    }
    if (last >= 0) {
      if (indent < this.indentAt(i)) bail(); // before a more indented block: left to yaml
      this.comments.before = i;
      this.comments.indent = indent;
      // As yaml counts it: up to the next item's first character (over blank lines and indentation).
      this.comments.end = i < this.lines.length ? this.lines[i].content : this.text.length;
      this.comments.claimed = false;
    }
    this.at = i;
    return i < this.lines.length ? i : -1;
  }

  /** The indentation of line `i`; the end of the text counts as column 0. */
  private indentAt(i: number): number {
    return i < this.lines.length ? this.lines[i].indent : 0;
  }

  /** Whether the comments before the current line need a closing collection to take them. */
  private commentsUnplaced(): boolean {
    return this.comments.before === this.at && !this.comments.claimed && this.comments.indent > this.indentAt(this.at);
  }

  /**
   * A collection at `indent` closes before the current line: if the comments just before that line are
   * at its indentation and belong to no later item, it takes them (returns where its range now ends).
   * A collection whose claim `yaml` decides otherwise (`claimable` false) leaves the text to yaml.
   */
  private closing(indent: number, claimable: boolean): number | undefined {
    if (!this.commentsUnplaced() || this.comments.indent !== indent) return undefined;
    if (!claimable) bail();
    this.comments.claimed = true;
    return this.comments.end;
  }

  /** The current line starts an item: comments before it must have found their collection. */
  private consumingCommented(): void {
    if (this.commentsUnplaced()) bail();
  }

  /** A block mapping whose keys start at column `indent` (the first key is on the current line, at `at`). */
  private blockMap(indent: number, firstKeyAt?: number): Built {
    if (++this.depth > 50) bail();
    const map = new YAMLMap();
    const value: Record<string, unknown> = {};
    const seen = new Set<string>();
    let start = -1;
    let end = 0;
    let keyAt = firstKeyAt;
    for (;;) {
      if (keyAt === undefined) {
        const i = this.nextSignificant();
        if (i < 0) break;
        const l = this.lines[i];
        if (l.indent < indent) break;
        if (l.indent > indent) bail();
        this.consumingCommented();
        keyAt = l.content;
      }
      const line = this.lines[this.at];
      const colon = this.find(CH.COLON, keyAt, line.end);
      if (colon < 0) bail();
      const key = this.key(keyAt, colon, seen);
      if (start < 0) start = keyAt;
      const after = this.afterIndicator(colon, line);
      const c = this.text.charCodeAt(after);
      let built: Built;
      if (after === line.end) {
        // `key:` (with or without trailing spaces): a nested block, or an empty value where the line ends.
        this.at++;
        built = this.nestedOrEmpty(indent, after, true);
      } else if (c === CH.PIPE || c === CH.GREATER) {
        built = this.blockScalar(after, line, indent);
      } else {
        if (c === CH.HASH) bail(); // `key: # comment` then a nested block
        built = this.inlineValue(after, line, indent);
      }
      map.items.push(new Pair(key, built.node));
      value[key.value as string] = built.value;
      end = built.end;
      keyAt = undefined;
    }
    if (start < 0) bail();
    const commentEnd = this.closing(indent, true);
    map.range = [start, end, commentEnd ?? end] satisfies NodeRange;
    this.depth--;
    return { node: map, value, end: commentEnd ?? end };
  }

  /**
   * A block sequence whose dashes are at column `indent` (the current line, at `at`, starts with one).
   * `compact`: written at its mapping key's column (`key:` then `- item` lines), where yaml places comments differently.
   */
  private blockSeq(indent: number, compact: boolean): Built {
    if (++this.depth > 50) bail();
    const seq = new YAMLSeq();
    const value: unknown[] = [];
    let start = -1;
    let end = 0;
    for (;;) {
      const i = this.nextSignificant();
      if (i < 0) break;
      const line = this.lines[i];
      if (line.indent < indent) break;
      if (line.indent > indent) bail();
      const dash = line.content;
      if (this.text.charCodeAt(dash) !== CH.DASH) {
        // A key of the enclosing map at the same column; a comment just before it would be this sequence's.
        if (this.comments.before === this.at) bail();
        break;
      }
      this.consumingCommented();
      if (start < 0) start = dash;
      const after = this.afterIndicator(dash, line);
      const c = this.text.charCodeAt(after);
      let built: Built;
      if (after === line.end) {
        // An empty item right after a comment: yaml's range for it runs on past the line break.
        if (this.comments.before === this.at) bail();
        this.at++;
        built = this.nestedOrEmpty(indent, after, false);
      } else if (c === CH.HASH || c === CH.DASH) {
        return bail(); // `- # comment`, `- - nested`
      } else if (this.isKeyLine(after, line)) {
        built = this.blockMap(after - line.start, after);
      } else {
        built = this.inlineValue(after, line, indent);
      }
      seq.items.push(built.node);
      value.push(built.value);
      end = built.end;
    }
    if (start < 0) bail();
    const commentEnd = this.closing(indent, !compact);
    seq.range = [start, end, commentEnd ?? end] satisfies NodeRange;
    this.depth--;
    return { node: seq, value, end: commentEnd ?? end };
  }

  /** After `key:` or `-` at the end of a line: a nested block, or an empty (null) value at `pos`. */
  private nestedOrEmpty(indent: number, pos: number, inMap: boolean): Built {
    const i = this.nextSignificant();
    if (i >= 0) {
      const l = this.lines[i];
      const dash =
        this.text.charCodeAt(l.content) === CH.DASH && (l.content + 1 === l.end || this.text.charCodeAt(l.content + 1) === CH.SPACE);
      if (l.indent > indent) {
        if (dash) return this.blockSeq(l.indent, false);
        if (this.isKeyLine(l.content, l)) return this.blockMap(l.indent);
        bail();
      }
      // `key:` followed by `- item` at the same column: a sequence as the map's value.
      if (inMap && l.indent === indent && dash) return this.blockSeq(indent, true);
    }
    // A comment after an empty value is that value's comment in `yaml`, and widens its range.
    if (this.comments.before === this.at) bail();
    const empty = new Scalar(null);
    empty.range = [pos, pos, pos] satisfies NodeRange;
    empty.source = '';
    empty.type = Scalar.PLAIN;
    return { node: empty, value: null, end: pos };
  }

  /**
   * A block scalar as a mapping value (the header at `at` on the current line), literal (`|`, `|-`) or
   * folded (`>`, `>-`): its lines at the indentation of the first non-blank one; literal joins them with
   * line feeds, folded with spaces (a run of blank lines between two lines gives that many line feeds);
   * trailing blank lines are dropped and one final line feed kept (`|`, `>`) or not (`|-`, `>-`).
   * Keep (`+`), indentation indicators, a header comment, more-indented lines in a folded scalar, blank
   * lines leading one, blank lines with spaces past the indentation and empty scalars are left to yaml.
   */
  private blockScalar(at: number, header: Line, parentIndent: number): Built {
    const text = this.text;
    const folded = text.charCodeAt(at) === CH.GREATER;
    let h = at + 1;
    const strip = text.charCodeAt(h) === CH.DASH;
    if (strip) h++;
    if (h !== header.end) bail();
    const first = this.at + 1;
    let i = first;
    let contentIndent = -1;
    let leadingBlank = 0;
    for (; i < this.lines.length; i++) {
      const l = this.lines[i];
      if (l.content === l.end) {
        leadingBlank = Math.max(leadingBlank, l.end - l.start);
        continue;
      }
      contentIndent = l.indent;
      break;
    }
    if (contentIndent <= parentIndent || leadingBlank > contentIndent || (folded && i !== first)) bail();
    const parts: string[] = [];
    let last = -1;
    for (i = first; i < this.lines.length; i++) {
      const l = this.lines[i];
      if (l.content === l.end) {
        if (l.end - l.start > contentIndent) bail(); // spaces past the indentation: content, left to yaml
        parts.push('');
        continue;
      }
      if (l.indent < contentIndent) break;
      if (folded && l.indent > contentIndent) bail(); // more-indented lines keep their breaks: left to yaml
      parts.push(text.slice(l.start + contentIndent, l.end));
      last = i;
    }
    // The line that ends it must start an item of an enclosing collection (or be a comment there).
    if (i < this.lines.length && this.lines[i].indent > parentIndent) bail();
    parts.length = last - first + 1; // trailing blank lines are chomped
    let value: string;
    if (!folded) value = parts.join('\n');
    else {
      value = '';
      let blanks = 0;
      for (const p of parts) {
        if (p === '') {
          blanks++;
          continue;
        }
        value += value === '' ? p : blanks > 0 ? '\n'.repeat(blanks) + p : ' ' + p;
        blanks = 0;
      }
    }
    if (!strip) value += '\n';
    const end = this.lines[last].next;
    const node = new Scalar(value);
    node.type = folded ? Scalar.BLOCK_FOLDED : Scalar.BLOCK_LITERAL;
    node.source = value;
    node.range = [at, end, end] satisfies NodeRange;
    this.at = last + 1;
    return { node, value, end };
  }

  /** The key scalar from `at` to the colon; keys that are not plain words, or repeat one, are left to yaml. */
  private key(at: number, colon: number, seen: Set<string>): Scalar {
    const text = this.text.slice(at, colon);
    // yaml refuses an implicit key whose `:` is more than 1024 characters from its start.
    if (colon - at > 1024 || !KEY.test(text) || NON_STRING_KEY.test(text) || text === '__proto__' || seen.has(text)) bail();
    seen.add(text);
    const key = new Scalar(text);
    key.range = [at, colon, colon] satisfies NodeRange;
    key.source = text;
    key.type = Scalar.PLAIN;
    return key;
  }

  /** After a `:` or `-` indicator at `at`: where its value starts (past the spaces), or the line's end. */
  private afterIndicator(at: number, line: Line): number {
    let i = at + 1;
    if (i < line.end && this.text.charCodeAt(i) !== CH.SPACE) bail(); // `a:b`, `-x`: not this indicator
    while (i < line.end && this.text.charCodeAt(i) === CH.SPACE) i++;
    return i;
  }

  /**
   * The first `code` in [from, end), or −1. Never past the line: `indexOf` would look through the rest of
   * the text, once per line — quadratic on a large file with few colons.
   */
  private find(code: number, from: number, end: number): number {
    for (let i = from; i < end; i++) if (this.text.charCodeAt(i) === code) return i;
    return -1;
  }

  /** Whether `key:` (then space or line end) starts at `at`. */
  private isKeyLine(at: number, line: Line): boolean {
    const colon = this.find(CH.COLON, at, line.end);
    if (colon < 0) return false;
    if (!KEY.test(this.text.slice(at, colon))) return false;
    return colon + 1 === line.end || this.text.charCodeAt(colon + 1) === CH.SPACE;
  }

  /** The line after a one-line value may not be indented deeper than its key (a continuation or an error). */
  private noContinuation(indent: number): void {
    for (let i = this.at; i < this.lines.length; i++) {
      const l = this.lines[i];
      if (l.content === l.end) continue;
      if (l.indent > indent) bail();
      return;
    }
  }

  /**
   * A scalar or flow collection starting at `at` and ending the line (with an optional comment), in a
   * collection at column `parentIndent`; a plain scalar may go on over more indented lines.
   */
  private inlineValue(at: number, line: Line, parentIndent: number): Built {
    const text = this.text;
    const lineEnd = line.next; // a value's range ends after its line break
    const ch = text.charCodeAt(at);
    let built: Built;
    let valueEnd: number;
    if (
      (ch === CH.OPEN_BRACKET && text.charCodeAt(at + 1) === CH.CLOSE_BRACKET) ||
      (ch === CH.OPEN_BRACE && text.charCodeAt(at + 1) === CH.CLOSE_BRACE)
    ) {
      // `[]` and `{}`: an empty flow collection.
      valueEnd = at + 2;
      const node = ch === CH.OPEN_BRACKET ? new YAMLSeq() : new YAMLMap();
      node.flow = true;
      node.range = [at, valueEnd, lineEnd] satisfies NodeRange;
      built = { node, value: ch === CH.OPEN_BRACKET ? [] : {}, end: lineEnd };
    } else if (ch === CH.OPEN_BRACE || ch === CH.OPEN_BRACKET) {
      const r = ch === CH.OPEN_BRACE ? this.flowMap(at, line.end) : this.flowSeq(at, line.end);
      valueEnd = r.valueEnd;
      built = { node: r.node, value: r.value, end: lineEnd };
      r.node.range = [at, valueEnd, lineEnd] satisfies NodeRange;
    } else {
      const s = this.scalar(at, line.end, false);
      valueEnd = s.valueEnd;
      s.node.range = [at, valueEnd, lineEnd] satisfies NodeRange;
      built = { node: s.node, value: s.value, end: lineEnd };
    }
    const comment = this.restOfLine(valueEnd, line.end);
    this.at++;
    // A plain scalar may go on; plainContinued has then looked at the next line already.
    if (!comment && isScalar(built.node) && built.node.type === Scalar.PLAIN)
      return this.plainContinued(at, valueEnd, parentIndent) ?? built;
    this.noContinuation(parentIndent);
    return built;
  }

  /**
   * A plain scalar whose first line (from `at` to `firstEnd`) is followed by more indented lines: the
   * lines are trimmed and folded (one line break: a space; n blank lines: n line feeds), as yaml reads
   * them. Undefined when no such line follows. Lines that could be anything else are left to yaml.
   */
  private plainContinued(at: number, firstEnd: number, parentIndent: number): Built | undefined {
    const text = this.text;
    let value = text.slice(at, firstEnd);
    let blanks = 0;
    let last = -1;
    let lastEnd = firstEnd;
    let i = this.at;
    for (; i < this.lines.length; i++) {
      const l = this.lines[i];
      if (l.content === l.end) {
        blanks++;
        continue;
      }
      if (l.indent <= parentIndent) break;
      if (INDICATOR_START.test(text[l.content])) bail(); // `#` (a comment), `- `, quotes…: left to yaml
      let e = l.end;
      while (e > l.content && text.charCodeAt(e - 1) === CH.SPACE) e--;
      const seg = text.slice(l.content, e);
      if (seg.includes(': ') || seg.endsWith(':') || seg.includes(' #')) bail();
      value += blanks > 0 ? '\n'.repeat(blanks) + seg : ' ' + seg;
      blanks = 0;
      last = i;
      lastEnd = e;
    }
    if (last < 0) return undefined;
    const node = this.plainScalar(value);
    const end = this.lines[last].next;
    node.range = [at, lastEnd, end] satisfies NodeRange;
    this.at = last + 1;
    return { node, value: node.value, end };
  }

  /** After a value: only spaces, then an optional comment (preceded by a space). Whether there is one. */
  private restOfLine(from: number, end: number): boolean {
    let i = from;
    while (i < end && this.text.charCodeAt(i) === CH.SPACE) i++;
    if (i === end) return false;
    if (this.text.charCodeAt(i) !== CH.HASH || i === from) bail();
    return true;
  }

  /** A plain scalar's node, its value resolved by the core schema's tags as yaml's composer does. */
  private plainScalar(source: string): Scalar {
    let node: Scalar | undefined;
    let format: string | undefined;
    for (const t of tags()) {
      if (t.test.test(source)) {
        let failed = false;
        const res = t.resolve(
          source,
          () => {
            failed = true;
          },
          RESOLVE_OPTIONS,
        );
        if (failed) bail();
        // Floats come back as a Scalar (keeping e.g. minFractionDigits), as in composeScalar.
        node = isScalar(res) ? res : new Scalar(res);
        format = t.format;
        break;
      }
    }
    node ??= new Scalar(source);
    if (node.value !== null && typeof node.value === 'object') bail();
    node.source = source;
    node.type = Scalar.PLAIN;
    if (format) node.format = format;
    return node;
  }

  /**
   * One scalar from `at` on this line. Plain scalars stop before ` #` (and in a flow mapping before
   * `,` or `}`); quoted ones at their closing quote. Returns where its source ends.
   */
  private scalar(at: number, end: number, inFlow: boolean): { node: Scalar; value: unknown; valueEnd: number } {
    const text = this.text;
    const ch = text.charCodeAt(at);
    let source: string;
    let value: unknown;
    let valueEnd: number;
    let type: Scalar.Type;
    if (ch === CH.DOUBLE_QUOTE) {
      const close = this.find(CH.DOUBLE_QUOTE, at + 1, end);
      if (close < 0) bail();
      source = text.slice(at + 1, close);
      if (source.includes('\\')) bail();
      value = source;
      valueEnd = close + 1;
      type = Scalar.QUOTE_DOUBLE;
    } else if (ch === CH.SINGLE_QUOTE) {
      let i = at + 1;
      let out = '';
      for (;;) {
        const q = this.find(CH.SINGLE_QUOTE, i, end);
        if (q < 0) bail();
        out += text.slice(i, q);
        if (text.charCodeAt(q + 1) === CH.SINGLE_QUOTE) {
          out += "'";
          i = q + 2;
          continue;
        }
        valueEnd = q + 1;
        break;
      }
      source = out;
      value = out;
      type = Scalar.QUOTE_SINGLE;
    } else {
      // `-` may start a plain scalar when a digit or dot follows (`-1`, `-.5`); other indicators are left to yaml.
      if (INDICATOR_START.test(text[at]) && !(ch === CH.DASH && /[0-9.]/.test(text[at + 1] ?? ''))) bail();
      let i = at;
      for (; i < end; i++) {
        const c = text.charCodeAt(i);
        if (c === CH.HASH && text.charCodeAt(i - 1) === CH.SPACE) {
          if (inFlow) bail();
          break;
        }
        if (c === CH.COLON && (i + 1 === end || text.charCodeAt(i + 1) === CH.SPACE || (inFlow && isFlowIndicator(text.charCodeAt(i + 1)))))
          bail();
        if (inFlow && isFlowIndicator(c)) break;
      }
      let e = i;
      while (e > at && text.charCodeAt(e - 1) === CH.SPACE) e--;
      source = text.slice(at, e);
      valueEnd = e;
      const node = this.plainScalar(source);
      value = node.value;
      node.range = [at, valueEnd, valueEnd] satisfies NodeRange;
      return { node, value, valueEnd };
    }
    const node = new Scalar(value);
    node.source = source;
    node.type = type;
    node.range = [at, valueEnd!, valueEnd!] satisfies NodeRange;
    return { node, value, valueEnd: valueEnd! };
  }

  /** `[item, item]` on one line, each item a scalar or a `{key: scalar}` mapping (no deeper nesting). */
  private flowSeq(at: number, end: number): { node: YAMLSeq; value: unknown[]; valueEnd: number } {
    const text = this.text;
    const seq = new YAMLSeq();
    seq.flow = true;
    const value: unknown[] = [];
    let i = at + 1;
    const skip = () => {
      while (i < end && text.charCodeAt(i) === CH.SPACE) i++;
    };
    skip();
    if (text.charCodeAt(i) === CH.CLOSE_BRACKET) bail(); // `[ ]`: rare enough to leave to yaml
    for (;;) {
      const start = i;
      let item: { node: Scalar | YAMLMap; value: unknown; valueEnd: number };
      if (text.charCodeAt(i) === CH.OPEN_BRACE) item = this.flowMap(i, end);
      else item = this.scalar(i, end, true);
      i = item.valueEnd;
      skip();
      // An item's range runs over the spaces after it, up to `,` or `]`.
      item.node.range = [start, item.valueEnd, i] satisfies NodeRange;
      seq.items.push(item.node);
      value.push(item.value);
      i = this.flowSeparator(i, end, CH.CLOSE_BRACKET);
      if (i < 0) return { node: seq, value, valueEnd: -i };
    }
  }

  /**
   * After a flow item and its spaces, at `i`: a comma, then the next item (returns where it starts), or the
   * closing `close` (returns minus the offset after it). A trailing comma or anything else is left to yaml.
   */
  private flowSeparator(i: number, end: number, close: number): number {
    const c = this.text.charCodeAt(i);
    if (c === close) return -(i + 1);
    if (c !== CH.COMMA) bail();
    i++;
    while (i < end && this.text.charCodeAt(i) === CH.SPACE) i++;
    if (this.text.charCodeAt(i) === close) bail(); // trailing comma
    return i;
  }

  /** `{key: scalar, key: scalar}` on one line (no nesting). */
  private flowMap(at: number, end: number): { node: YAMLMap; value: Record<string, unknown>; valueEnd: number } {
    const text = this.text;
    const map = new YAMLMap();
    map.flow = true;
    const value: Record<string, unknown> = {};
    const seen = new Set<string>();
    let i = at + 1;
    const skip = () => {
      while (i < end && text.charCodeAt(i) === CH.SPACE) i++;
    };
    skip();
    if (text.charCodeAt(i) === CH.CLOSE_BRACE) bail(); // `{}`: rare enough to leave to yaml
    for (;;) {
      const colon = this.find(CH.COLON, i, end);
      if (colon < 0) bail();
      const key = this.key(i, colon, seen);
      if (text.charCodeAt(colon + 1) !== CH.SPACE) bail();
      i = colon + 1;
      skip();
      const s = this.scalar(i, end, true);
      i = s.valueEnd;
      skip();
      s.node.range = [s.node.range![0], s.valueEnd, i];
      map.items.push(new Pair(key, s.node));
      value[key.value as string] = s.value;
      i = this.flowSeparator(i, end, CH.CLOSE_BRACE);
      if (i < 0) return { node: map, value, valueEnd: -i };
    }
  }
}

function isFlowIndicator(c: number): boolean {
  return c === CH.COMMA || c === CH.OPEN_BRACKET || c === CH.CLOSE_BRACKET || c === CH.OPEN_BRACE || c === CH.CLOSE_BRACE;
}

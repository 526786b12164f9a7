// SARIF 2.1.0 output for `evidence-pack check --format sarif`: what GitHub code scanning (and any SARIF
// viewer) reads to show each diagnostic on its line in a pull request, with the packs' scores alongside.
import { posix } from '../core/paths';
import { RULES, pick } from '../core/messages';
import type { Diagnostic, DiagnosticCode, Lang, PackResult, Severity } from '../core/types';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/** The project's home page, shown by viewers next to the tool name. */
export const INFORMATION_URI = 'https://github.com/evidence-pack/evidence-pack';
const SRCROOT = '%SRCROOT%';

/** `file` relative to `baseDir`, forward slashes ('.' for the folder itself). Both are absolute. */
export function relativePath(baseDir: string, file: string): string {
  const base = toSlashes(baseDir);
  const target = toSlashes(file);
  // Not a path on disk (the built-in standard is `builtin:gbt27922-2011`): shown as it is.
  if (!/^(\/|[A-Za-z]:\/)/.test(target)) return target;
  // Windows drive letters compare case-insensitively; posix.relative does not know that.
  const rel = /^[A-Za-z]:\//.test(base) && /^[A-Za-z]:\//.test(target) && base[0].toLowerCase() !== target[0].toLowerCase()
    ? target
    : posix.relative(lowerDrive(base), lowerDrive(target));
  return rel === '' ? '.' : rel;
}

function toSlashes(p: string): string { return p.replace(/\\/g, '/'); }
function lowerDrive(p: string): string { return p.replace(/^([A-Za-z]):\//, (_, d: string) => `${d.toLowerCase()}:/`); }

/** A relative path as a URI reference: every segment percent-encoded (spaces, CJK names, `#`, `?`). */
export function pathToUriReference(rel: string): string {
  return rel.split('/').map((segment) => encodeURIComponent(segment)).join('/');
}

/** An absolute folder as a `file:` URI ending in `/` (SARIF requires the slash for a base id). */
export function folderToFileUri(dir: string): string {
  let p = toSlashes(dir);
  if (!p.endsWith('/')) p += '/';
  if (/^[A-Za-z]:\//.test(p)) p = '/' + p; // file:///C:/…
  const encoded = p.split('/').map((segment, i) =>
    i === 1 && /^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment)).join('/');
  return 'file://' + encoded;
}

type SarifLevel = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

/** `missing-evidence` → `MissingEvidence`: SARIF's readable rule name beside the stable id. */
function ruleName(code: string): string {
  return code.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

const SEVERITY_WORD: Record<Severity, { en: string; 'zh-CN': string }> = {
  error: { en: 'error', 'zh-CN': '错误' },
  warning: { en: 'warning', 'zh-CN': '警告' },
  info: { en: 'information', 'zh-CN': '提示' },
};

function fullDescription(code: DiagnosticCode, lang: Lang): string {
  const rule = RULES[code];
  const description = pick(rule.description, lang);
  const severity = SEVERITY_WORD[rule.severity][lang];
  return lang === 'zh-CN'
    ? `${description}（代码 ${code}，默认级别：${severity}。）`
    : `${description} (code ${code}, default level: ${severity}.)`;
}

/** How a pack is named to people: its path from DIR, or its folder name when DIR is the pack itself. */
export function packLabel(baseDir: string, root: string): string {
  const rel = relativePath(baseDir, root);
  return rel === '.' ? root.replace(/\\/g, '/').replace(/\/+$/, '').split('/').pop() || rel : rel;
}

export function toSarif(results: PackResult[], opts: { baseDir: string; lang: Lang; toolVersion: string }): object {
  const codes = Object.keys(RULES) as DiagnosticCode[];
  const ruleIndex = new Map<string, number>(codes.map((code, i) => [code, i]));
  const rules = codes.map((code) => ({
    id: code,
    name: ruleName(code),
    shortDescription: { text: pick(RULES[code].description, opts.lang) },
    fullDescription: { text: fullDescription(code, opts.lang) },
    defaultConfiguration: { level: LEVEL[RULES[code].severity] },
    properties: { tags: ['evidence-pack'] },
  }));

  const diagnostics: Diagnostic[] = [];
  for (const result of results) diagnostics.push(...result.diagnostics);
  diagnostics.sort(compareDiagnostics);

  const sarifResults = diagnostics.map((d) => {
    const rel = relativePath(opts.baseDir, d.file);
    const result: Record<string, unknown> = {
      ruleId: d.code,
      level: LEVEL[d.severity],
      message: { text: d.message },
      locations: [{
        physicalLocation: {
          artifactLocation: { uri: pathToUriReference(rel), uriBaseId: SRCROOT },
          region: {
            // SARIF counts lines and columns from 1; the engine's ranges are 0-based UTF-16 offsets,
            // which is exactly what columnKind utf16CodeUnits declares.
            startLine: d.range.start.line + 1,
            startColumn: d.range.start.character + 1,
            endLine: d.range.end.line + 1,
            endColumn: d.range.end.character + 1,
          },
        },
      }],
    };
    const index = ruleIndex.get(d.code);
    if (index !== undefined) result.ruleIndex = index;
    if (d.clause) result.properties = { clause: d.clause };
    return result;
  });

  const packs = results.map((r) => {
    const s = r.score;
    return {
      pack: packLabel(opts.baseDir, r.root),
      standard: s?.standard.id ?? r.standard?.id ?? null,
      score: s ? s.score : null,
      band: s ? s.rating.label : null,
      bandId: s ? s.rating.id : null,
      stars: s ? s.rating.stars : null,
      weights: s?.standard.weights ?? r.standard?.weights ?? null,
      provisional: s ? s.standard.weights === 'provisional' : null,
      scoringSource: s?.standard.scoringSource ?? null,
      next: s?.next ? { band: s.next.label, bandId: s.next.id, needed: s.next.needed } : null,
      diagnostics: s?.diagnostics ?? countSeverities(r.diagnostics),
    };
  });

  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'evidence-pack',
          version: opts.toolVersion,
          informationUri: INFORMATION_URI,
          language: opts.lang === 'zh-CN' ? 'zh-CN' : 'en-US',
          rules,
        },
      },
      language: opts.lang === 'zh-CN' ? 'zh-CN' : 'en-US',
      columnKind: 'utf16CodeUnits',
      originalUriBaseIds: { [SRCROOT]: { uri: folderToFileUri(opts.baseDir) } },
      results: sarifResults,
      properties: { packs },
    }],
  };
}

function countSeverities(diagnostics: Diagnostic[]): { error: number; warning: number; info: number } {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

/** File, then position, then code: stable output that diffs well between two CI runs. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.range.start.line - b.range.start.line
    || a.range.start.character - b.range.start.character
    || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

// SARIF 2.1.0 output for `evidence-pack check --format sarif`: what GitHub code scanning (and any SARIF
// viewer) reads to show each diagnostic on its line in a pull request, with the packs' scores alongside.
import { pick } from '../../core/messages';
import { CODES } from '../../core/rules/codes';
import { relativePath, toSlash } from '../../core/paths';
import type { Diagnostic, DiagnosticCode, Lang, PackResult, Severity } from '../../core/types';
import { t } from '../catalogue';
import { compareDiagnostics } from '../order';
import { isProvisional, packLabel, severityWord } from '../vocabulary';
import type { Formatter } from './registry';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/** The project's home page, shown by viewers next to the tool name. */
export const INFORMATION_URI = 'https://github.com/evidence-pack/evidence-pack';
const SRCROOT = '%SRCROOT%';

/** A relative path as a URI reference: every segment percent-encoded (spaces, CJK names, `#`, `?`). */
export function pathToUriReference(rel: string): string {
  return rel
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/** An absolute folder as a `file:` URI ending in `/` (SARIF requires the slash for a base id). */
export function folderToFileUri(dir: string): string {
  let p = toSlash(dir);
  if (!p.endsWith('/')) p += '/';
  if (/^[A-Za-z]:\//.test(p)) p = '/' + p; // file:///C:/…
  const encoded = p
    .split('/')
    .map((segment, i) => (i === 1 && /^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment)))
    .join('/');
  return 'file://' + encoded;
}

type SarifLevel = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

/** `missing-evidence` → `MissingEvidence`: SARIF's readable rule name beside the stable id. */
function ruleName(code: string): string {
  return code
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

/** The SARIF `language` tag of each of our languages. */
const LOCALE: Record<Lang, string> = { en: 'en-US', 'zh-CN': 'zh-CN' };

function fullDescription(code: DiagnosticCode, lang: Lang): string {
  const rule = CODES[code];
  const description = pick(rule.description, lang);
  return t(lang, 'sarif.fullDescription', { description, code, severity: severityWord(rule.severity, lang) });
}

export function toSarif(results: PackResult[], opts: { baseDir: string; lang: Lang; toolVersion: string }): object {
  const codes = Object.keys(CODES) as DiagnosticCode[];
  const ruleIndex = new Map<string, number>(codes.map((code, i) => [code, i]));
  const rules = codes.map((code) => ({
    id: code,
    name: ruleName(code),
    shortDescription: { text: pick(CODES[code].description, opts.lang) },
    fullDescription: { text: fullDescription(code, opts.lang) },
    defaultConfiguration: { level: LEVEL[CODES[code].severity] },
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
      locations: [
        {
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
        },
      ],
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
      provisional: s ? isProvisional(s) : null,
      scoringSource: s?.standard.scoringSource ?? null,
      next: s?.next ? { band: s.next.label, bandId: s.next.id, needed: s.next.needed } : null,
      diagnostics: s?.diagnostics ?? countSeverities(r.diagnostics),
    };
  });

  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'evidence-pack',
            version: opts.toolVersion,
            informationUri: INFORMATION_URI,
            language: LOCALE[opts.lang],
            rules,
          },
        },
        language: LOCALE[opts.lang],
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { [SRCROOT]: { uri: folderToFileUri(opts.baseDir) } },
        results: sarifResults,
        properties: { packs },
      },
    ],
  };
}

function countSeverities(diagnostics: Diagnostic[]): { error: number; warning: number; info: number } {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

export const sarifFormatter: Formatter = {
  id: 'sarif',
  description: { en: 'SARIF 2.1.0 for GitHub code scanning and SARIF viewers', 'zh-CN': 'SARIF 2.1.0，供 GitHub 代码扫描等查看器读取' },
  commands: ['check'],
  fileExtension: 'sarif',
  render: ({ results, baseDir, lang, toolVersion }) => JSON.stringify(toSarif(results, { baseDir, lang, toolVersion }), null, 2) + '\n',
};

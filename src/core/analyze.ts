// One evidence file → its entries and file-level diagnostics (cached per file by the engine).
import { kindById, topLevelHeads, type PackContext } from './context';
import { diagnostic } from './diagnostic';
import { msg } from './messages';
import { entriesFromYaml } from './parse/evidenceYaml';
import { parseEvidenceMarkdown } from './parse/evidenceMarkdown';
import { fastParseYaml } from './parse/fastYaml';
import { parseYaml, type YamlSource } from './parse/yamlSource';
import { FILE_RULES } from './rules';
import { SCHEMA, YAML_SYNTAX } from './rules/reading';
import type { AnalyzedFile, Report } from './rules/rule';
import { schemaDiagnostics } from './schemaCheck';
import { LineIndex, ZERO_RANGE } from './text';
import type { ClauseEntry, Diagnostic, FileResult } from './types';

/** `parsed`: the text already read by the YAML fast path (src/node/parallel.ts tries it before choosing a thread). */
export async function analyzeEvidenceText(text: string, file: string, ctx: PackContext, parsed?: YamlSource): Promise<FileResult> {
  const diagnostics: Diagnostic[] = [];
  const report: Report = (def, f, range, args, extra) => diagnostics.push(diagnostic(def, ctx.lang, f, range, args, extra));
  const lines = parsed?.lines ?? new LineIndex(text);
  let entries: ClauseEntry[] = [];
  let yaml: YamlSource | undefined;
  let bodyLinks: { target: string; range: import('./types').Range }[] = [];
  let openActions: AnalyzedFile['openActions'] = [];

  if (/\.md$/i.test(file)) {
    const mdResult = parseEvidenceMarkdown(text, lines, {
      isSectionId: (id) => ctx.standard.byId.has(id) || looksLikeClauseOf(id, ctx),
      kindOf: ctx.kindOf,
    });
    yaml = mdResult.frontMatter;
    for (const e of mdResult.entries) e.file = file;
    entries = mdResult.entries;
    bodyLinks = mdResult.links;
    openActions = mdResult.openActions;
  } else {
    // Most evidence files take the fast path (same nodes, values and ranges, a fraction of the time);
    // anything it is not sure of is parsed by `yaml` itself.
    yaml = parsed ?? fastParseYaml(text, lines) ?? parseYaml(text, lines);
    if (yaml.value === null || (yaml.value === undefined && yaml.errors.length === 0)) {
      report(SCHEMA, file, ZERO_RANGE, { detail: msg(ctx.lang, 'schema.emptyFile') });
      yaml = undefined;
    }
  }
  if (yaml) {
    for (const e of yaml.errors) report(YAML_SYNTAX, file, e.range, { detail: e.message });
    if (yaml.errors.length === 0 && yaml.value !== undefined)
      for (const d of schemaDiagnostics('evidence', yaml, file, ctx.lang)) diagnostics.push(d);
    // Entries are read even from a file with schema errors: what is usable still counts.
    entries = [...entriesFromYaml(yaml, file), ...entries];
  }

  // Resolve kinds, links and dates, then whether each item counts (docs/scoring.md).
  const itemLinks = new Map<object, 'ok' | 'missing' | 'outside'>();
  const pending: Promise<unknown>[] = [];
  const links: string[] = [];
  for (const e of entries) {
    for (const item of e.evidence) {
      item.kindId = ctx.kindOf(item.kind);
      if (item.file !== undefined) {
        pending.push(
          ctx.linkState(file, item.file).then((r) => {
            itemLinks.set(item, r.state);
            if (r.path) links.push(r.path);
          }),
        );
      }
    }
  }
  const resolvedBody = bodyLinks.map((l) => ({ ...l, state: 'ok' as 'ok' | 'missing' | 'outside' }));
  for (const l of resolvedBody)
    pending.push(
      ctx.linkState(file, l.target).then((r) => {
        l.state = r.state;
        if (r.path) links.push(r.path);
      }),
    );
  await Promise.all(pending);
  for (const e of entries) {
    for (const item of e.evidence) {
      const kind = kindById(ctx.standard, item.kindId);
      const linkOk = item.file === undefined || itemLinks.get(item) === 'ok';
      // A dated kind counts only with a date inside the window: deleting a date never raises a score.
      // (An invalid date leaves `date` undefined: it is no date.)
      const dateOk =
        !kind?.dated ||
        (item.date !== undefined && item.date >= ctx.windowStartFor(item.kindId) && item.date <= ctx.manifest.assessmentDate);
      item.counts = !!kind && linkOk && dateOk;
    }
  }
  const analyzed: AnalyzedFile = { file, entries, bodyLinks: resolvedBody, itemLinks, openActions };
  for (const rule of FILE_RULES) rule.check(analyzed, ctx, report);
  return { file, entries, diagnostics, links: [...new Set(links)] };
}

/** A heading like `5.9.9 …` in a GB/T pack is an attempt at a clause (report it), `2026.1 计划` is not. */
function looksLikeClauseOf(id: string, ctx: PackContext): boolean {
  return topLevelHeads(ctx.standard).has(id.split('.')[0]);
}

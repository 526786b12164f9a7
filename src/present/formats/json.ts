// `--format json`: the machine-readable result. Check gives `{ diagnostics, packs }`, score the list of
// packs; the keys are those of the JSON output documented in README.md (docs/report.md for the report).
import { relativePath } from '../../core/paths';
import type { Diagnostic, Score, SheetInfo } from '../../core/types';
import { packLabel } from '../vocabulary';
import type { Formatter } from './registry';

/** The score object of the JSON output (the engine's Score carries more, for the views). */
export function scoreJson(s: Score): object {
  return {
    pack: s.pack,
    standard: {
      id: s.standard.id,
      weights: s.standard.weights,
      // The scoring sheet the points come from (who issued it, its title and version), when the pack names one.
      ...(s.standard.sheet ? { sheet: sheetJson(s.standard.sheet) } : {}),
    },
    score: s.score,
    rating: { id: s.rating.id, stars: s.rating.stars, label: s.rating.label },
    // An initial certification's capped rating: what the score alone would earn.
    ...(s.uncappedRating ? { uncappedRating: { ...s.uncappedRating } } : {}),
    earned: s.earned,
    applicable: s.applicable,
    specialDeductions: s.specialDeductions,
    specialBonus: s.specialBonus,
    sections: s.sections.map((x) => ({ id: x.id, earned: x.earned, applicable: x.applicable })),
    clauses: s.clauses.map((c) => ({ id: c.id, state: c.state, points: c.points, earned: c.earned, missingKinds: c.missingKinds })),
    next: s.next && {
      id: s.next.id,
      min: s.next.min,
      needed: s.next.needed,
      suggestions: s.next.suggestions.map((x) => ({ clause: x.clause, gain: x.gain, missingKinds: x.missingKinds })),
    },
    // The scheme around the score (unscored): prerequisites for applying and the application dossier.
    prerequisites: { total: s.prerequisites.total, provided: s.prerequisites.provided },
    dossier: { total: s.dossier.total, provided: s.dossier.provided },
    diagnostics: { ...s.diagnostics },
  };
}

export function sheetJson(sheet: SheetInfo): object {
  return {
    body: sheet.body ?? null,
    source: sheet.source ?? null,
    version: sheet.version ?? null,
    weights: sheet.weights,
    rows: sheet.rows,
  };
}

export function diagnosticJson(d: Diagnostic, baseDir: string): object {
  return {
    file: relativePath(baseDir, d.file),
    range: d.range,
    severity: d.severity,
    code: d.code,
    message: d.message,
    clause: d.clause ?? null,
  };
}

export const jsonFormatter: Formatter = {
  id: 'json',
  description: { en: 'JSON for scripts and dashboards', 'zh-CN': '供脚本与看板读取的 JSON' },
  commands: ['check', 'score'],
  fileExtension: 'json',
  render({ results, baseDir, cwd, command }) {
    const value =
      command === 'check'
        ? // A pack checked from its own folder is named by that folder, never '.'.
          {
            diagnostics: results.flatMap((r) => r.diagnostics.map((d) => diagnosticJson(d, baseDir))),
            packs: results
              .filter((r) => r.score)
              .map((r) => scoreJson(r.score!.pack === '.' ? { ...r.score!, pack: packLabel(r.root, r.root) } : r.score!)),
          }
        : results.filter((r) => r.score).map((r) => scoreJson({ ...r.score!, pack: packLabel(cwd, r.root) }));
    return JSON.stringify(value, null, 2) + '\n';
  },
};

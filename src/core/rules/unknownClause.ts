import { schemeItemById } from '../context';
import type { FileRule } from './rule';
import { defineCode } from '../diagnostic';
import { SHEET_PROBLEM } from './standardChecks';

export const UNKNOWN_CLAUSE = defineCode({
  code: 'unknown-clause',
  severity: 'error',
  description: { en: 'The clause id is not in the standard.', 'zh-CN': '条款编号不在标准中。' },
  message: { en: 'Unknown clause "{clause}" in standard {standard}', 'zh-CN': '标准 {standard} 中没有条款“{clause}”' },
  variants: { sheet: SHEET_PROBLEM },
});

export const unknownClause: FileRule = {
  check(file, ctx, report) {
    for (const e of file.entries) {
      // Prerequisites and dossier items are named like clauses (`dossier.business-licence`).
      if (!ctx.standard.byId.has(e.clause) && !schemeItemById(ctx.standard, e.clause)) {
        report(
          UNKNOWN_CLAUSE,
          file.file,
          e.idRange,
          { clause: e.clause, standard: ctx.standard.id },
          { clause: e.clause, data: { clause: e.clause } },
        );
      }
    }
  },
};

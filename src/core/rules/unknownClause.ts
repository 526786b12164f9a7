import { schemeItemById } from '../context';
import { msg } from '../messages';
import type { FileRule } from './rule';

export const unknownClause: FileRule = {
  codes: ['unknown-clause'],
  check(file, ctx, report) {
    for (const e of file.entries) {
      // Prerequisites and dossier items are named like clauses (`dossier.business-licence`).
      if (!ctx.standard.byId.has(e.clause) && !schemeItemById(ctx.standard, e.clause)) {
        report('unknown-clause', file.file, e.idRange, msg(ctx.lang, 'unknown-clause', { clause: e.clause, standard: ctx.standard.id }), { clause: e.clause, data: { clause: e.clause } });
      }
    }
  },
};

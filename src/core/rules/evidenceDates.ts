// invalid-date for any written date that names no day; stale-evidence, future-evidence and
// undated-evidence for kinds the standard marks `dated` (an undated one does not count).
import { dateForms } from '../dates';
import { msg, pick } from '../messages';
import { kindById } from '../context';
import type { FileRule } from './rule';

export const evidenceDates: FileRule = {
  codes: ['invalid-date', 'stale-evidence', 'future-evidence', 'undated-evidence'],
  check(file, ctx, report) {
    const to = ctx.manifest.assessmentDate;
    for (const e of file.entries) {
      for (const item of e.evidence) {
        const kind = kindById(ctx.standard, item.kindId);
        const range = item.dateRange ?? item.range;
        if (item.dateText !== undefined && item.date === undefined) {
          report('invalid-date', file.file, range, msg(ctx.lang, 'invalid-date', { date: item.dateText.trim(), forms: dateForms(ctx.lang) }), { clause: e.clause });
          continue;
        }
        if (!kind?.dated) continue;
        if (item.date === undefined) {
          report('undated-evidence', file.file, item.kindRange ?? item.range, msg(ctx.lang, 'undated-evidence', { kind: pick(kind.label, ctx.lang) }), { clause: e.clause });
        } else if (item.date < ctx.windowStartFor(item.kindId)) {
          const from = ctx.windowStartFor(item.kindId);
          report('stale-evidence', file.file, range, msg(ctx.lang, 'stale-evidence', { date: item.date, from }), { clause: e.clause, data: { date: item.date, from } });
        } else if (item.date > to) {
          report('future-evidence', file.file, range, msg(ctx.lang, 'future-evidence', { date: item.date, to }), { clause: e.clause });
        }
      }
    }
  },
};

import { msg } from '../messages';
import type { FileRule } from './rule';

export const awardedRange: FileRule = {
  codes: ['awarded-out-of-range'],
  check(file, ctx, report) {
    for (const e of file.entries) {
      const leaf = ctx.standard.byId.get(e.clause);
      if (e.awarded === undefined || !leaf || leaf.children.length) continue;
      if (e.awarded < 0 || e.awarded > leaf.points) {
        const clamped = Math.min(Math.max(e.awarded, 0), leaf.points);
        report('awarded-out-of-range', file.file, e.awardedRange ?? e.idRange, msg(ctx.lang, 'awarded-out-of-range', { awarded: e.awardedText ?? e.awarded, points: leaf.pointsText, clamped }), { clause: e.clause });
      }
    }
  },
};

import { msg, pick } from '../messages';
import type { PackRule } from './rule';

export const missingClause: PackRule = {
  codes: ['missing-clause'],
  check(leaves, ctx, report) {
    for (const f of leaves) {
      if (f.entryCount === 0) {
        report('missing-clause', ctx.manifest.file, ctx.manifest.standardRange,
          msg(ctx.lang, 'missing-clause', { clause: f.leaf.id, title: pick(f.leaf.title, ctx.lang), points: f.leaf.pointsText }), { clause: f.leaf.id });
      }
    }
  },
};

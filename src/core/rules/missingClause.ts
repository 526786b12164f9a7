import { pick } from '../messages';
import type { PackRule } from './rule';
import { defineCode } from '../diagnostic';

export const MISSING_CLAUSE = defineCode({
  code: 'missing-clause',
  severity: 'warning',
  description: { en: 'A leaf clause has no entry anywhere in the pack.', 'zh-CN': '某个末级条款在证据包中没有任何条目。' },
  message: {
    en: 'Clause {clause} {title} has no entry in this pack ({points} points)',
    'zh-CN': '条款 {clause} {title} 在本证据包中没有条目（{points} 分）',
  },
});

export const missingClause: PackRule = {
  check(leaves, ctx, report) {
    for (const f of leaves) {
      if (f.entryCount === 0) {
        report(
          MISSING_CLAUSE,
          ctx.manifest.file,
          ctx.manifest.standardRange,
          { clause: f.leaf.id, title: pick(f.leaf.title, ctx.lang), points: f.leaf.pointsText },
          { clause: f.leaf.id },
        );
      }
    }
  },
};

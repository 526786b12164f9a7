import type { FileRule } from './rule';
import { defineCode } from '../diagnostic';

export const AWARDED_OUT_OF_RANGE = defineCode({
  code: 'awarded-out-of-range',
  severity: 'error',
  description: { en: 'Awarded points are outside 0..points.', 'zh-CN': '给分超出 0..分值 范围。' },
  message: {
    en: 'Awarded {awarded} is outside 0..{points}; counted as {clamped}',
    'zh-CN': '给分 {awarded} 超出 0..{points}；按 {clamped} 计',
  },
});

export const awardedRange: FileRule = {
  check(file, ctx, report) {
    for (const e of file.entries) {
      const leaf = ctx.standard.byId.get(e.clause);
      if (e.awarded === undefined || !leaf || leaf.children.length) continue;
      if (e.awarded < 0 || e.awarded > leaf.points) {
        const clamped = Math.min(Math.max(e.awarded, 0), leaf.points);
        report(
          AWARDED_OUT_OF_RANGE,
          file.file,
          e.awardedRange ?? e.idRange,
          { awarded: e.awardedText ?? e.awarded, points: leaf.pointsText, clamped },
          { clause: e.clause },
        );
      }
    }
  },
};

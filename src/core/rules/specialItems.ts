// Special deductions and bonus (特别扣分项 / 特别加分项) declared in the manifest.
import type { PackRule } from './rule';
import { defineCode } from '../diagnostic';

export const UNRECTIFIED_DEDUCTION = defineCode({
  code: 'unrectified-deduction',
  severity: 'warning',
  description: { en: 'A special deduction has not been rectified.', 'zh-CN': '特别扣分项尚未整改。' },
  message: { en: 'Special deduction {id} has not been rectified', 'zh-CN': '特别扣分项 {id} 尚未整改' },
});

export const BONUS_LIMIT = defineCode({
  code: 'bonus-limit',
  severity: 'error',
  description: { en: 'More special bonuses than the standard allows.', 'zh-CN': '特别加分项超过标准允许的数量。' },
  message: { en: 'At most {max} special bonus counts', 'zh-CN': '特别加分项最多计 {max} 项' },
});

export const SPECIAL_DEDUCTIONS_FAIL = defineCode({
  code: 'special-deductions-fail',
  severity: 'error',
  description: { en: 'Special deductions reach the number that fails the assessment.', 'zh-CN': '特别扣分项数量达到不合格线。' },
  message: {
    en: '{count} special deductions: {failAt} or more fail the assessment',
    'zh-CN': '特别扣分项 {count} 项：达到 {failAt} 项即评为不合格',
  },
});

export const specialItems: PackRule = {
  check(_leaves, ctx, report) {
    const m = ctx.manifest;
    const rules = ctx.standard.rating;
    for (const d of m.specialDeductions) {
      if (!d.rectified) report(UNRECTIFIED_DEDUCTION, m.file, d.range, { id: d.id }, { clause: d.clause });
    }
    if (m.specialDeductions.length >= rules.specialDeduction.failAt) {
      const d = m.specialDeductions[rules.specialDeduction.failAt - 1];
      report(SPECIAL_DEDUCTIONS_FAIL, m.file, d.range, { count: m.specialDeductions.length, failAt: rules.specialDeduction.failAt });
    }
    m.specialBonuses.slice(rules.specialBonus.max).forEach((b) => report(BONUS_LIMIT, m.file, b.range, { max: rules.specialBonus.max }));
  },
};

// Special deductions and bonus (特别扣分项 / 特别加分项) declared in the manifest.
import { msg } from '../messages';
import type { PackRule } from './rule';

export const specialItems: PackRule = {
  codes: ['unrectified-deduction', 'special-deductions-fail', 'bonus-limit'],
  check(_leaves, ctx, report) {
    const m = ctx.manifest;
    const rules = ctx.standard.rating;
    for (const d of m.specialDeductions) {
      if (!d.rectified) report('unrectified-deduction', m.file, d.range, msg(ctx.lang, 'unrectified-deduction', { id: d.id }), { clause: d.clause });
    }
    if (m.specialDeductions.length >= rules.specialDeduction.failAt) {
      const d = m.specialDeductions[rules.specialDeduction.failAt - 1];
      report('special-deductions-fail', m.file, d.range, msg(ctx.lang, 'special-deductions-fail', { count: m.specialDeductions.length, failAt: rules.specialDeduction.failAt }));
    }
    m.specialBonuses.slice(rules.specialBonus.max).forEach((b) => report('bonus-limit', m.file, b.range, msg(ctx.lang, 'bonus-limit', { max: rules.specialBonus.max })));
  },
};

// exclusion-not-allowed and exclusion-needs-justification, on every entry that says `excluded`.
import type { PackRule } from './rule';
import { defineCode } from '../diagnostic';

export const EXCLUSION_NOT_ALLOWED = defineCode({
  code: 'exclusion-not-allowed',
  severity: 'error',
  description: { en: 'The clause is excluded but the standard does not allow excluding it.', 'zh-CN': '该条款被删减，但标准不允许删减。' },
  message: { en: 'Clause {clause} cannot be excluded under {standard}', 'zh-CN': '按 {standard}，条款 {clause} 不允许删减' },
});

export const EXCLUSION_NEEDS_JUSTIFICATION = defineCode({
  code: 'exclusion-needs-justification',
  severity: 'error',
  description: { en: 'An excluded clause needs a justification.', 'zh-CN': '删减的条款需要说明理由。' },
  message: { en: 'Excluded clause {clause} needs a justification', 'zh-CN': '删减条款 {clause} 需要说明理由（justification）' },
});

export const exclusion: PackRule = {
  check(leaves, ctx, report) {
    for (const f of leaves) {
      if (f.status !== 'excluded') continue;
      for (const e of f.excludedEntries) {
        const range = e.statusRange ?? e.idRange;
        if (!f.leaf.excludable)
          report(EXCLUSION_NOT_ALLOWED, e.file, range, { clause: f.leaf.id, standard: ctx.standard.id }, { clause: f.leaf.id });
        if (!f.justification) report(EXCLUSION_NEEDS_JUSTIFICATION, e.file, range, { clause: f.leaf.id }, { clause: f.leaf.id });
      }
    }
  },
};

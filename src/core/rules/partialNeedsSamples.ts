import type { PackRule } from './rule';
import { defineCode } from '../diagnostic';

export const PARTIAL_NEEDS_SAMPLES = defineCode({
  code: 'partial-needs-samples',
  severity: 'error',
  description: { en: 'A partial status on a sampled clause needs samples.', 'zh-CN': '抽样条款为部分符合时需要给出抽样数据。' },
  message: {
    en: 'Clause {clause} is sampled: a partial status needs samples {size, nonconforming}',
    'zh-CN': '条款 {clause} 为抽样条款：部分符合时需要 samples {size, nonconforming}',
  },
});

export const partialNeedsSamples: PackRule = {
  check(leaves, _ctx, report) {
    for (const f of leaves) {
      if (f.status === 'partial' && f.leaf.sampled && !f.samples && f.awarded === undefined) {
        const e = f.statusEntry!;
        report(PARTIAL_NEEDS_SAMPLES, e.file, e.statusRange ?? e.idRange, { clause: f.leaf.id }, { clause: f.leaf.id });
      }
    }
  },
};

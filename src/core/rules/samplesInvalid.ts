import type { FileRule } from './rule';
import { defineCode } from '../diagnostic';

export const SAMPLES_INVALID = defineCode({
  code: 'samples-invalid',
  severity: 'error',
  description: {
    en: 'The samples are invalid (size ≤ 0 or non-conforming outside 0..size).',
    'zh-CN': '抽样数据无效（样本量 ≤ 0 或不合格数超出 0..样本量）。',
  },
  message: {
    en: 'Invalid samples: size {size}, non-conforming {nonconforming}',
    'zh-CN': '抽样数据无效：样本量 {size}，不合格数 {nonconforming}',
  },
});

export function samplesAreValid(s: { size: number; nonconforming: number }): boolean {
  return s.size > 0 && s.nonconforming >= 0 && s.nonconforming <= s.size;
}

export const samplesInvalid: FileRule = {
  check(file, _ctx, report) {
    for (const e of file.entries) {
      if (e.samples && !samplesAreValid(e.samples)) {
        report(
          SAMPLES_INVALID,
          file.file,
          e.samples.range,
          { size: e.samples.size, nonconforming: e.samples.nonconforming },
          { clause: e.clause },
        );
      }
    }
  },
};

import { msg } from '../messages';
import type { FileRule } from './rule';

export function samplesAreValid(s: { size: number; nonconforming: number }): boolean {
  return s.size > 0 && s.nonconforming >= 0 && s.nonconforming <= s.size;
}

export const samplesInvalid: FileRule = {
  codes: ['samples-invalid'],
  check(file, ctx, report) {
    for (const e of file.entries) {
      if (e.samples && !samplesAreValid(e.samples)) {
        report('samples-invalid', file.file, e.samples.range, msg(ctx.lang, 'samples-invalid', { size: e.samples.size, nonconforming: e.samples.nonconforming }), { clause: e.clause });
      }
    }
  },
};

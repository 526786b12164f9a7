import { msg } from '../messages';
import type { PackRule } from './rule';

export const partialNeedsSamples: PackRule = {
  codes: ['partial-needs-samples'],
  check(leaves, ctx, report) {
    for (const f of leaves) {
      if (f.status === 'partial' && f.leaf.sampled && !f.samples && f.awarded === undefined) {
        const e = f.statusEntry!;
        report('partial-needs-samples', e.file, e.statusRange ?? e.idRange, msg(ctx.lang, 'partial-needs-samples', { clause: f.leaf.id }), { clause: f.leaf.id });
      }
    }
  },
};

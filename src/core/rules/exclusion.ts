// exclusion-not-allowed and exclusion-needs-justification, on every entry that says `excluded`.
import { msg } from '../messages';
import type { PackRule } from './rule';

export const exclusion: PackRule = {
  codes: ['exclusion-not-allowed', 'exclusion-needs-justification'],
  check(leaves, ctx, report) {
    for (const f of leaves) {
      if (f.status !== 'excluded') continue;
      for (const e of f.excludedEntries) {
        const range = e.statusRange ?? e.idRange;
        if (!f.leaf.excludable) report('exclusion-not-allowed', e.file, range, msg(ctx.lang, 'exclusion-not-allowed', { clause: f.leaf.id, standard: ctx.standard.id }), { clause: f.leaf.id });
        if (!f.justification) report('exclusion-needs-justification', e.file, range, msg(ctx.lang, 'exclusion-needs-justification', { clause: f.leaf.id }), { clause: f.leaf.id });
      }
    }
  },
};

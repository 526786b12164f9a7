// missing-evidence: only where the requirement decides the score (docs/scoring.md, rule 5) — not on an
// excluded, non-conforming or assessor-awarded leaf, where evidence no longer changes anything.
import { exclusionStands, missingKinds } from '../leafFacts';
import { msg, pick } from '../messages';
import { kindById } from '../context';
import type { PackRule } from './rule';

export const missingEvidence: PackRule = {
  codes: ['missing-evidence'],
  check(leaves, ctx, report) {
    for (const f of leaves) {
      if (f.entryCount === 0 || exclusionStands(f) || f.status === 'nonconforming' || f.awarded !== undefined) continue;
      const missing = missingKinds(f);
      if (missing.length === 0) continue;
      const labels = missing.map((id) => pick(kindById(ctx.standard, id)?.label, ctx.lang) || id).join(msg(ctx.lang, 'list-separator'));
      const e = f.firstEntry!;
      report('missing-evidence', e.file, e.idRange, msg(ctx.lang, 'missing-evidence', { clause: f.leaf.id, kinds: labels }), { clause: f.leaf.id, data: { missingKinds: missing } });
    }
  },
};

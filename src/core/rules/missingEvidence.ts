// missing-evidence: only where the requirement decides the score (docs/scoring.md, rule 5) — not on an
// excluded, non-conforming or assessor-awarded leaf, where evidence no longer changes anything.
import { exclusionStands, missingKinds } from '../leafFacts';
import { joinList, pick } from '../messages';
import { kindById } from '../context';
import type { PackRule } from './rule';
import { defineCode } from '../diagnostic';

export const MISSING_EVIDENCE = defineCode({
  code: 'missing-evidence',
  severity: 'warning',
  description: { en: 'A required evidence kind has no counting item.', 'zh-CN': '某个必需的证据类型没有有效证据。' },
  message: { en: 'Clause {clause} lacks counting evidence of kind: {kinds}', 'zh-CN': '条款 {clause} 缺少有效证据，类型：{kinds}' },
});

export const missingEvidence: PackRule = {
  check(leaves, ctx, report) {
    for (const f of leaves) {
      if (f.entryCount === 0 || exclusionStands(f) || f.status === 'nonconforming' || f.awarded !== undefined) continue;
      const missing = missingKinds(f);
      if (missing.length === 0) continue;
      const labels = joinList(
        missing.map((id) => pick(kindById(ctx.standard, id)?.label, ctx.lang) || id),
        ctx.lang,
      );
      const e = f.firstEntry!;
      report(
        MISSING_EVIDENCE,
        e.file,
        e.idRange,
        { clause: f.leaf.id, kinds: labels },
        { clause: f.leaf.id, data: { missingKinds: missing } },
      );
    }
  },
};

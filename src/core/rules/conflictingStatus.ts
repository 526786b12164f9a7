import { relativePath } from '../paths';
import type { PackRule } from './rule';
import { defineCode } from '../diagnostic';

export const CONFLICTING_STATUS = defineCode({
  code: 'conflicting-status',
  severity: 'error',
  description: { en: 'Two entries give one leaf different explicit statuses.', 'zh-CN': '同一末级条款的多个条目给出了不同的状态。' },
  message: {
    en: 'Clause {clause} has status "{status}" here but "{other}" in {otherFile}',
    'zh-CN': '条款 {clause} 此处状态为“{status}”，但在 {otherFile} 中为“{other}”',
  },
});

export const conflictingStatus: PackRule = {
  check(leaves, ctx, report) {
    for (const f of leaves) {
      for (const e of f.conflicts) {
        report(
          CONFLICTING_STATUS,
          e.file,
          e.statusRange ?? e.idRange,
          {
            clause: f.leaf.id,
            status: e.status ?? '',
            other: f.status ?? '',
            otherFile: relativePath(ctx.manifest.root, f.statusEntry!.file),
          },
          { clause: f.leaf.id },
        );
      }
    }
  },
};

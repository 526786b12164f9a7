import { msg } from '../messages';
import { relativePath } from '../paths';
import type { PackRule } from './rule';

export const conflictingStatus: PackRule = {
  codes: ['conflicting-status'],
  check(leaves, ctx, report) {
    for (const f of leaves) {
      for (const e of f.conflicts) {
        report('conflicting-status', e.file, e.statusRange ?? e.idRange, msg(ctx.lang, 'conflicting-status', {
          clause: f.leaf.id, status: e.status ?? '', other: f.status ?? '', otherFile: relativePath(ctx.manifest.root, f.statusEntry!.file),
        }), { clause: f.leaf.id });
      }
    }
  },
};

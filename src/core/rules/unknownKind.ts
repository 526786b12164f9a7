import { msg, pick } from '../messages';
import type { FileRule } from './rule';

export const unknownKind: FileRule = {
  codes: ['unknown-kind'],
  check(file, ctx, report) {
    const kinds = ctx.standard.kinds.map((k) => `${k.id} (${pick(k.label, ctx.lang)})`).join(', ');
    for (const e of file.entries) {
      for (const item of e.evidence) {
        if (!item.kindId) {
          report('unknown-kind', file.file, item.kindRange ?? item.range, msg(ctx.lang, 'unknown-kind', { kind: item.kind, kinds }), { clause: e.clause, data: { kind: item.kind } });
        }
      }
    }
  },
};

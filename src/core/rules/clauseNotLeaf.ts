import { msg } from '../messages';
import type { FileRule } from './rule';

export const clauseNotLeaf: FileRule = {
  codes: ['clause-not-leaf'],
  check(file, ctx, report) {
    for (const e of file.entries) {
      const c = ctx.standard.byId.get(e.clause);
      // A Markdown heading of a parent with nothing directly under it is the title above its leaves.
      if (c && c.children.length > 0 && !(e.heading && e.evidence.length === 0)) {
        const children = c.children.map((ch) => ch.id).join(', ');
        report('clause-not-leaf', file.file, e.idRange, msg(ctx.lang, 'clause-not-leaf', { clause: e.clause, children }), { clause: e.clause, data: { children: c.children.map((ch) => ch.id) } });
      }
    }
  },
};

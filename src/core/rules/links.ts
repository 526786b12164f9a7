// broken-link and outside-workspace, for YAML `file:` values and every relative Markdown link.
import { msg } from '../messages';
import type { FileRule } from './rule';

export const links: FileRule = {
  codes: ['broken-link', 'outside-workspace'],
  check(file, ctx, report) {
    const say = (state: string, target: string, range: import('../types').Range, clause?: string) => {
      if (state === 'missing') report('broken-link', file.file, range, msg(ctx.lang, 'broken-link', { target }), { clause, data: { target } });
      else if (state === 'outside') report('outside-workspace', file.file, range, msg(ctx.lang, 'outside-workspace', { target }), { clause, data: { target } });
    };
    // A Markdown evidence link is also a body link: report it once, as the body link.
    const bodyAt = new Set(file.bodyLinks.map((l) => `${l.range.start.line}:${l.range.start.character}`));
    for (const e of file.entries) {
      for (const item of e.evidence) {
        const state = file.itemLinks.get(item);
        if (item.fileRange && bodyAt.has(`${item.fileRange.start.line}:${item.fileRange.start.character}`)) continue;
        if (state && item.file !== undefined) say(state, item.file, item.fileRange ?? item.range, e.clause);
      }
    }
    for (const l of file.bodyLinks) say(l.state, l.target, l.range);
  },
};

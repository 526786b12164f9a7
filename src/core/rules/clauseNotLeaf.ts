import type { FileRule } from './rule';
import { defineCode } from '../diagnostic';

export const CLAUSE_NOT_LEAF = defineCode({
  code: 'clause-not-leaf',
  severity: 'error',
  description: {
    en: 'Evidence is attached to a clause that has sub-clauses; only leaf clauses take evidence.',
    'zh-CN': '证据挂在了含有子条款的条款上；只有末级条款才能挂证据。',
  },
  message: {
    en: 'Clause {clause} has sub-clauses ({children}); put evidence on a leaf clause',
    'zh-CN': '条款 {clause} 含有子条款（{children}），请把证据挂在末级条款上',
  },
});

export const clauseNotLeaf: FileRule = {
  check(file, ctx, report) {
    for (const e of file.entries) {
      const c = ctx.standard.byId.get(e.clause);
      // A Markdown heading of a parent with nothing directly under it is the title above its leaves.
      if (c && c.children.length > 0 && !(e.heading && e.evidence.length === 0)) {
        const children = c.children.map((ch) => ch.id).join(', ');
        report(
          CLAUSE_NOT_LEAF,
          file.file,
          e.idRange,
          { clause: e.clause, children },
          { clause: e.clause, data: { children: c.children.map((ch) => ch.id) } },
        );
      }
    }
  },
};

// broken-link and outside-workspace, for YAML `file:` values and every relative Markdown link.
import type { FileRule } from './rule';
import { defineCode } from '../diagnostic';

export const BROKEN_LINK = defineCode({
  code: 'broken-link',
  severity: 'error',
  description: { en: 'The linked file does not exist.', 'zh-CN': '链接的文件不存在。' },
  message: { en: 'File not found: {target}', 'zh-CN': '找不到文件：{target}' },
});

export const OUTSIDE_WORKSPACE = defineCode({
  code: 'outside-workspace',
  severity: 'error',
  description: { en: 'The link resolves outside the workspace; it is not read.', 'zh-CN': '链接指向工作区之外；不会读取。' },
  message: { en: 'Link points outside the workspace: {target}', 'zh-CN': '链接指向工作区之外：{target}' },
});

export const links: FileRule = {
  check(file, _ctx, report) {
    const say = (state: string, target: string, range: import('../types').Range, clause?: string) => {
      if (state === 'missing') report(BROKEN_LINK, file.file, range, { target }, { clause, data: { target } });
      else if (state === 'outside') report(OUTSIDE_WORKSPACE, file.file, range, { target }, { clause, data: { target } });
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

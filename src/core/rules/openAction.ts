import type { FileRule } from './rule';
import { defineCode } from '../diagnostic';

export const OPEN_ACTION = defineCode({
  code: 'open-action',
  severity: 'info',
  description: { en: 'An open action item in a clause section.', 'zh-CN': '条款章节中有未完成的待办事项。' },
  message: { en: 'Open action: {text}', 'zh-CN': '待办：{text}' },
});

export const openAction: FileRule = {
  check(file, _ctx, report) {
    for (const a of file.openActions) report(OPEN_ACTION, file.file, a.range, { text: a.text }, { clause: a.clause });
  },
};

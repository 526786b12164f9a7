import { pick } from '../messages';
import type { FileRule } from './rule';
import { defineCode } from '../diagnostic';

export const UNKNOWN_KIND = defineCode({
  code: 'unknown-kind',
  severity: 'error',
  description: { en: 'The evidence kind is not a kind of the standard.', 'zh-CN': '证据类型不是标准中定义的类型。' },
  message: { en: 'Unknown evidence kind "{kind}"; use one of: {kinds}', 'zh-CN': '未知的证据类型“{kind}”；可用类型：{kinds}' },
});

export const unknownKind: FileRule = {
  check(file, ctx, report) {
    const kinds = ctx.standard.kinds.map((k) => `${k.id} (${pick(k.label, ctx.lang)})`).join(', ');
    for (const e of file.entries) {
      for (const item of e.evidence) {
        if (!item.kindId) {
          report(
            UNKNOWN_KIND,
            file.file,
            item.kindRange ?? item.range,
            { kind: item.kind, kinds },
            { clause: e.clause, data: { kind: item.kind } },
          );
        }
      }
    }
  },
};

import { msg } from '../messages';
import type { FileRule } from './rule';

export const openAction: FileRule = {
  codes: ['open-action'],
  check(file, ctx, report) {
    for (const a of file.openActions) report('open-action', file.file, a.range, msg(ctx.lang, 'open-action', { text: a.text }), { clause: a.clause });
  },
};

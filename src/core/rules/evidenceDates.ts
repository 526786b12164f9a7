// invalid-date for any written date that names no day; stale-evidence, future-evidence and
// undated-evidence for kinds the standard marks `dated` (an undated one does not count).
import { dateForms } from '../dates';
import { pick } from '../messages';
import { kindById } from '../context';
import type { FileRule } from './rule';
import { defineCode } from '../diagnostic';

export const STALE_EVIDENCE = defineCode({
  code: 'stale-evidence',
  severity: 'warning',
  description: { en: 'The evidence is dated before the assessment window.', 'zh-CN': '证据日期早于评价周期。' },
  message: { en: 'Dated {date}, before the assessment window starting {from}', 'zh-CN': '日期 {date} 早于评价周期起始日 {from}' },
});

export const FUTURE_EVIDENCE = defineCode({
  code: 'future-evidence',
  severity: 'error',
  description: { en: 'The evidence is dated after the assessment date.', 'zh-CN': '证据日期晚于评价日期。' },
  message: { en: 'Dated {date}, after the assessment date {to}', 'zh-CN': '日期 {date} 晚于评价日期 {to}' },
});

export const UNDATED_EVIDENCE = defineCode({
  code: 'undated-evidence',
  severity: 'warning',
  description: {
    en: 'Evidence of a dated kind has no date; it does not count until it has one.',
    'zh-CN': '应注明日期的证据没有日期；注明日期前不计为有效证据。',
  },
  message: {
    en: '{kind} evidence needs a date: without one it does not count',
    'zh-CN': '{kind}类证据须注明日期，未注明日期不计为有效证据',
  },
});

export const INVALID_DATE = defineCode({
  code: 'invalid-date',
  severity: 'error',
  description: {
    en: 'Text written as a date is not a valid date (accepted: 2026-10-15, 2026/10/15, 2026.10.15, 2026年10月15日).',
    'zh-CN': '按日期书写的文字不是有效日期（可写作 2026-10-15、2026/10/15、2026.10.15、2026年10月15日）。',
  },
  message: { en: '"{date}" is not a valid date; write a date as {forms}', 'zh-CN': '“{date}”不是有效日期；日期可写作 {forms}' },
});

export const evidenceDates: FileRule = {
  check(file, ctx, report) {
    const to = ctx.manifest.assessmentDate;
    for (const e of file.entries) {
      for (const item of e.evidence) {
        const kind = kindById(ctx.standard, item.kindId);
        const range = item.dateRange ?? item.range;
        if (item.dateText !== undefined && item.date === undefined) {
          report(INVALID_DATE, file.file, range, { date: item.dateText.trim(), forms: dateForms(ctx.lang) }, { clause: e.clause });
          continue;
        }
        if (!kind?.dated) continue;
        if (item.date === undefined) {
          report(UNDATED_EVIDENCE, file.file, item.kindRange ?? item.range, { kind: pick(kind.label, ctx.lang) }, { clause: e.clause });
        } else if (item.date < ctx.windowStartFor(item.kindId)) {
          const from = ctx.windowStartFor(item.kindId);
          report(STALE_EVIDENCE, file.file, range, { date: item.date, from }, { clause: e.clause, data: { date: item.date, from } });
        } else if (item.date > to) {
          report(FUTURE_EVIDENCE, file.file, range, { date: item.date, to }, { clause: e.clause });
        }
      }
    }
  },
};

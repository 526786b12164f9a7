// Problems of the standard and scoring-sheet files, found while they are loaded (src/core/standard/).
import { defineCode } from '../diagnostic';
import type { LocalizedText } from '../types';

/** A problem the scoring sheet brings (a wording of standard-invalid, points-mismatch and unknown-clause). */
export const SHEET_PROBLEM: LocalizedText = { en: 'Scoring sheet: {detail}', 'zh-CN': '评分表：{detail}' };

export const STANDARD_INVALID = defineCode({
  code: 'standard-invalid',
  severity: 'error',
  description: { en: 'The standard or scoring sheet file is invalid.', 'zh-CN': '标准文件或评分表无效。' },
  message: { en: '{detail}', 'zh-CN': '{detail}' },
  variants: {
    sheet: SHEET_PROBLEM,
    internal: {
      en: 'evidence-pack could not read this file (a fault of evidence-pack, please report it): {detail}',
      'zh-CN': 'evidence-pack 无法读取此文件（这是 evidence-pack 自身的缺陷，请报告）：{detail}',
    },
  },
});

export const POINTS_MISMATCH = defineCode({
  code: 'points-mismatch',
  severity: 'error',
  description: {
    en: "A parent's points differ from the sum of its leaves, or a scoring sheet breaks the totals.",
    'zh-CN': '上级条款分值与下级分值之和不符，或评分表破坏了总分。',
  },
  message: {
    en: 'Clause {clause} states {stated} points but its sub-clauses sum to {sum}',
    'zh-CN': '条款 {clause} 标明 {stated} 分，但其子条款合计 {sum} 分',
  },
  variants: {
    sheet: SHEET_PROBLEM,
  },
});

// The scoring sheet flat: one row per leaf, the columns of the workbook's first sheet, UTF-8 with a BOM
// (so that Excel reads the Chinese text), CRLF line ends as RFC 4180 says.
import { packLabel } from '../vocabulary';
import type { PackResult } from '../../core/types';
import { buildSheet, leadingCells, leadingHeaders } from './sheetModel';
import { t } from '../catalogue';
import type { Formatter } from './registry';
import type { DeliverableOptions } from './workbook';

/** A cell that a spreadsheet would read as a formula (=, +, -, @, or a tab/CR before one) is made text with a
 *  leading apostrophe: a title like `=HYPERLINK(…)` must never run when the file is opened. */
export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  let text = typeof value === 'number' ? String(value) : value;
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function renderCsv(results: PackResult[], opts: DeliverableOptions): string {
  const { lang } = opts;
  const lines: string[] = [];
  lines.push(
    [
      ...leadingHeaders(lang),
      t(lang, 'deliver.colEarned'),
      t(lang, 'deliver.colState'),
      t(lang, 'deliver.colDeduction'),
      t(lang, 'deliver.colPack'),
    ]
      .map(csvCell)
      .join(','),
  );
  for (const result of results) {
    const m = buildSheet(result, opts.baseDir, lang);
    if (!m) continue;
    const pack = packLabel(opts.baseDir, result.root);
    for (const row of m.rows) {
      const earned = row.earned === undefined ? '' : Number(row.earned.toFixed(4));
      lines.push([...leadingCells(row, lang), earned, row.stateLabel, row.deduction, pack].map(csvCell).join(','));
    }
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

export const csvFormatter: Formatter = {
  id: 'csv',
  description: {
    en: 'the scoring sheet flat, one row per clause (UTF-8 with BOM)',
    'zh-CN': '平铺评分表，每个条款一行（带 BOM 的 UTF-8）',
  },
  commands: ['report'],
  fileExtension: 'csv',
  render: (input) =>
    renderCsv(input.results, {
      lang: input.lang,
      baseDir: input.baseDir,
      toolVersion: input.toolVersion,
      generatedAt: input.generatedAt ? new Date(input.generatedAt) : new Date(),
    }),
};

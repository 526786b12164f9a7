// The 评分表 workbook (`report --out FILE.xlsx`): written by ./workbook.ts with exceljs, which is bundled on
// its own (dist/deliverables.js) and required only here, on first export, so checking a pack never loads it.
// The browser bundle has no `require` and no exceljs: there this format says it needs the CLI or the desktop.
import { t } from '../catalogue';
import type { Formatter } from './registry';

declare const __NODE__: boolean;

export const xlsxFormatter: Formatter = {
  id: 'xlsx',
  description: { en: 'the scoring workbook (评分表) with live formulas', 'zh-CN': '带实时公式的评分表工作簿' },
  commands: ['report'],
  fileExtension: 'xlsx',
  async render(input) {
    if (__NODE__) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load is the point
      const { renderWorkbook } = require('./deliverables') as typeof import('./deliverables');
      return renderWorkbook(input.results, { lang: input.lang, baseDir: input.baseDir, toolVersion: input.toolVersion,
        generatedAt: input.generatedAt ? new Date(input.generatedAt) : new Date() });
    }
    throw new Error(t(input.lang, 'deliver.noWorkbookHere'));
  },
};

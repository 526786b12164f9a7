// The 评分表 workbook (`report --out FILE.xlsx`): written by ./workbook.ts with exceljs, which is bundled on
// its own (dist/deliverables.js) and loaded (./deliverablesLoader.ts) only on first export, so checking a pack
// never loads it. A web worker has no exceljs: there this format says it needs the CLI or the desktop.
import { deliverablesFor } from './deliverablesLoader';
import type { Formatter } from './registry';

const writers = deliverablesFor('deliver.noWorkbookHere');

export const xlsxFormatter: Formatter = {
  id: 'xlsx',
  description: { en: 'the scoring workbook (评分表) with live formulas', 'zh-CN': '带实时公式的评分表工作簿' },
  commands: ['report'],
  fileExtension: 'xlsx',
  unavailable: writers.unavailable,
  async render(input) {
    return writers.load(input.lang).renderWorkbook(input.results, {
      lang: input.lang,
      baseDir: input.baseDir,
      toolVersion: input.toolVersion,
      generatedAt: input.generatedAt ? new Date(input.generatedAt) : new Date(),
    });
  },
};

// The 自评报告 (`report --out FILE.docx`): written by ./selfReport.ts with the docx library, which is bundled on its
// own (dist/deliverables.js) and loaded (./deliverablesLoader.ts) only on first export, so checking a pack never
// loads it. A web worker has no docx: there this format says it needs the CLI or the desktop.
import { deliverablesFor } from './deliverablesLoader';
import type { Formatter } from './registry';

const writers = deliverablesFor('deliver.noDocumentHere');

export const docxFormatter: Formatter = {
  id: 'docx',
  description: { en: 'the self-evaluation report (自评报告) as a Word document', 'zh-CN': 'Word 格式的自评报告' },
  commands: ['report'],
  fileExtension: 'docx',
  unavailable: writers.unavailable,
  async render(input) {
    return writers
      .load(input.lang)
      .renderSelfReport(input.results, { lang: input.lang, baseDir: input.baseDir, toolVersion: input.toolVersion });
  },
};

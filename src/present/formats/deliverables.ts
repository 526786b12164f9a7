// Everything that needs the xlsx, docx and zip libraries, in one module that is bundled on its own
// (dist/deliverables.js) and loaded only when a user exports or imports a workbook: checking a pack never
// pays for them.
export { renderSelfReport } from './selfReport';
export { renderWorkbook } from './workbook';
export { readWorkbookTables } from './workbookTables';
export { normalizeZip, unzipEntries, zipEntries } from './zip';

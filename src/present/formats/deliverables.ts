// Everything that needs the xlsx and zip libraries, in one module that is bundled on its own
// (dist/deliverables.js) and loaded only when a user exports: checking a pack never pays for them.
export { renderWorkbook } from './workbook';
export { normalizeZip, unzipEntries, zipEntries } from './zip';

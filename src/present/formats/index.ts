// The formats every host offers, in the order help lists them. A new format is a file in this folder
// exporting a Formatter, plus its line here (CONTRIBUTING.md, "Add an output format").
import { csvFormatter } from './csv';
import { docxFormatter } from './docx';
import { htmlFormatter } from './html';
import { jsonFormatter } from './json';
import { junitFormatter } from './junit';
import { registerFormatter } from './registry';
import { sarifFormatter } from './sarif';
import { textFormatter } from './text';
import { xlsxFormatter } from './xlsx';

for (const formatter of [
  textFormatter,
  jsonFormatter,
  sarifFormatter,
  junitFormatter,
  htmlFormatter,
  xlsxFormatter,
  docxFormatter,
  csvFormatter,
])
  registerFormatter(formatter);

export { formatsFor, getFormatter, type FormatInput, type Formatter } from './registry';

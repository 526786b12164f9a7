// docs/diagnostics.md and docs/diagnostics.zh-CN.md are generated from the rules: this fails when a code,
// a description, a severity or a message changed and the documents were not regenerated.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODES } from '../../src/core/rules/codes';
import { renderDiagnosticsDoc } from '../../scripts/diagnosticsDocs';

describe('docs/diagnostics*.md', () => {
  it('lists each code under its own definition (src/core/rules/codes.ts)', () => {
    for (const [code, def] of Object.entries(CODES)) assert.equal(def.code, code);
  });

  for (const [lang, file] of [
    ['en', 'diagnostics.md'],
    ['zh-CN', 'diagnostics.zh-CN.md'],
  ] as const) {
    it(`docs/${file} is what the rules say (regenerate with npm run docs:diagnostics)`, () => {
      const doc = readFileSync(join(__dirname, '..', '..', 'docs', file), 'utf8');
      assert.equal(doc, renderDiagnosticsDoc(lang));
      for (const code of Object.keys(CODES)) assert.ok(doc.includes(`## ${code}\n`), code);
    });
  }
});

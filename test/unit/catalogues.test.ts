// One localisation mechanism: every string a user reads comes from a catalogue keyed by id (the engine's
// src/core/messages.ts, the views' src/present/catalogue.ts, the editor's src/extension/strings.ts), never
// from an inline `lang === 'zh-CN' ? … : …`. This fails on a new inline choice between languages, and on a
// catalogue entry that misses a language or whose languages disagree on the {placeholders}.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { MESSAGES } from '../../src/core/messages';
import { CODES } from '../../src/core/rules/codes';
import { CATALOGUE } from '../../src/present/catalogue';
import { STRINGS } from '../../src/extension/strings';

const SRC = join(__dirname, '..', '..', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : /\.(ts|mjs)$/.test(name) ? [p] : [];
  });
}

/** A choice of text by language written in place: `lang === 'zh-CN' ? …`, `zh ? …`, `const zh = lang === …`. */
const INLINE_CHOICE = /\blang\s*===?\s*'(zh-CN|en)'\s*\?|\blang\s*===?\s*'(zh-CN|en)'\s*$|\bzh\s*\?|const zh\s*=\s*[\w.]*lang\s*===/m;

/** Files still allowed an inline choice, each with the number it has (lower it, never raise it). */
const ALLOWED: Record<string, number> = {};

describe('catalogues', () => {
  it('no source file chooses between languages inline (strings live in a catalogue)', () => {
    const found: string[] = [];
    for (const file of sources(SRC)) {
      const rel = relative(SRC, file).replace(/\\/g, '/');
      const lines = readFileSync(file, 'utf8').split('\n');
      let n = 0;
      lines.forEach((line, i) => {
        if (INLINE_CHOICE.test(line) || (/\blang\s*===?\s*'(zh-CN|en)'\s*$/.test(line) && /^\s*\?/.test(lines[i + 1] ?? ''))) {
          n++;
          if (n > (ALLOWED[rel] ?? 0)) found.push(`src/${rel}:${i + 1}: ${line.trim()}`);
        }
      });
    }
    assert.deepEqual(found, [], 'move these strings into a catalogue (CONTRIBUTING.md, "Add a string")');
  });

  const catalogues: [string, Record<string, { en: string; 'zh-CN': string }>][] = [
    ['src/core/messages.ts MESSAGES', MESSAGES],
    ['src/core/rules/*.ts code descriptions', Object.fromEntries(Object.values(CODES).map((d) => [d.code, d.description]))],
    [
      'src/core/rules/*.ts code messages',
      Object.fromEntries(
        Object.values(CODES).flatMap((d) => [
          [d.code, d.message],
          ...Object.entries(d.variants ?? {}).map(([v, text]) => [`${d.code}/${v}`, text]),
        ]),
      ),
    ],
    ['src/present/catalogue.ts', CATALOGUE],
    ['src/extension/strings.ts', STRINGS],
  ];
  /** Entries whose languages carry different placeholders on purpose, with the reason. */
  const DIFFERENT_PLACEHOLDERS: Record<string, string> = {
    'schema.other': "en shows the schema validator's own (English) text, zh-CN names the failed keyword instead",
  };
  const placeholders = (s: string) =>
    [...s.matchAll(/\{(\w+)\}/g)]
      .map((m) => m[1])
      .sort()
      .join(',');

  for (const [name, table] of catalogues) {
    it(`${name}: every id has zh-CN and en, with the same placeholders`, () => {
      const bad: string[] = [];
      for (const [id, entry] of Object.entries(table)) {
        if (typeof entry.en !== 'string' || entry.en === '') bad.push(`${id}: no en`);
        if (typeof entry['zh-CN'] !== 'string' || entry['zh-CN'] === '') bad.push(`${id}: no zh-CN`);
        else if (!(id in DIFFERENT_PLACEHOLDERS) && placeholders(entry.en) !== placeholders(entry['zh-CN']))
          bad.push(`${id}: en {${placeholders(entry.en)}} vs zh-CN {${placeholders(entry['zh-CN'])}}`);
        if (/^[\x20-\x7e]*[a-z]{3,}[\x20-\x7e]*$/.test(entry['zh-CN']) && entry['zh-CN'] === entry.en && placeholders(entry.en) === '')
          bad.push(`${id}: zh-CN is the English text`);
      }
      assert.deepEqual(bad, []);
    });
  }

  it('catches an inline choice and a placeholder mismatch (the checks above can fail)', () => {
    assert.ok(INLINE_CHOICE.test("const s = lang === 'zh-CN' ? '是' : 'yes';"));
    assert.ok(INLINE_CHOICE.test("return zh ? '分' : 'points';"));
    assert.ok(!INLINE_CHOICE.test("const s = t(lang, 'report.score');"));
    assert.notEqual(placeholders('{a} of {b}'), placeholders('{a}'));
  });
});

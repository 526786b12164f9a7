// Never a raw id where a reader expects a word: what a zh-CN user reads — CLI text (and the gate line),
// JSON and SARIF messages, the HTML report, the panel model, hovers, code lenses, quick-fix titles — must
// not contain a kind, band or state id (`record`, `four-star`, `incomplete`). An id may appear only as the
// literal text to type: in quotes (“record”, "record", `record`) or followed by its label in brackets
// (`record (记录 / Record)`). Old outputs this catches: `低于要求的 four-star`, `缺少文件, 访谈` joined the
// English way, `为所有缺少的类型添加证据（document, record）`.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { Engine } from '../../src/core/engine';
import { systemClock } from '../../src/core/host';
import { CODES } from '../../src/core/rules/codes';
import type { Lang, PackResult } from '../../src/core/types';
import { nodeFileSystem } from '../../src/node/nodeFs';
import { main } from '../../src/cli/main';
import { buildPanelModel } from '../../src/extension/panel/panelModel';
import { clauseDocumentation, lensTitle } from '../../src/extension/language/languageLogic';
import { planQuickFixes } from '../../src/extension/language/quickFixes';
import { statusText, statusTooltip } from '../../src/extension/status/statusText';
import { getFormatter } from '../../src/present/formats';
import { readFileSync } from 'node:fs';

const REPO = join(__dirname, '..', '..').replace(/\\/g, '/');
const DEMO = `${REPO}/examples/demo-pack`;
const STATES = ['met', 'partial', 'incomplete', 'missing', 'nonconforming', 'excluded'];

function idsOf(result: PackResult): string[] {
  const std = result.standard!;
  return [...std.kinds.map((k) => k.id), std.rating.fail.id, ...std.rating.bands.map((b) => b.id), ...STATES];
}

/** Text with what may carry an id taken out: file paths, diagnostic codes, quoted literals, `id (label)`. */
function readable(text: string): string {
  return text
    .replace(/[\w./\\:-]*\.(?:ya?ml|md|pdf|xlsx|docx|html|json)\b/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(new RegExp(`\\b(?:${Object.keys(CODES).join('|')})\\b`, 'g'), ' ')
    .replace(/evidence-pack/g, ' ')
    .replace(/“[^”]*”|"[^"]*"|`[^`]*`/g, ' ')
    .replace(/\b[\w-]+ ?[（(][^)）]*[)）]/g, ' ');
}

function rawIds(text: string, ids: string[]): string[] {
  const plain = readable(text);
  return ids.filter((id) => new RegExp(`(?<![\\w-])${id}(?![\\w-])`).test(plain));
}

async function cli(args: string[]): Promise<string> {
  let out = '';
  await main(args, {
    out: (s) => {
      out += s;
    },
    err: (s) => {
      out += s;
    },
    cwd: REPO,
    env: {},
  });
  return out;
}

describe('no raw ids in zh-CN text', () => {
  const lang: Lang = 'zh-CN';
  let result: PackResult;
  let ids: string[];
  before(async () => {
    const engine = new Engine({ fs: nodeFileSystem, clock: systemClock, lang, workspaceRoot: REPO });
    result = await engine.checkPack(DEMO);
    ids = idsOf(result);
  });

  it('CLI text of check (with the gate) and score', async () => {
    const found = [
      ...rawIds(await cli(['check', 'examples/demo-pack', '--lang', lang, '--min-rating', 'four-star']), ids),
      ...rawIds(await cli(['score', 'examples/demo-pack', '--lang', lang]), ids),
    ];
    assert.deepEqual(found, []);
  });

  it('JSON and SARIF messages, JUnit and the HTML report', async () => {
    const input = { results: [result], baseDir: DEMO, cwd: DEMO, lang, command: 'check' as const, toolVersion: '0' };
    const json = JSON.parse(String(await getFormatter('json')!.render(input))) as { diagnostics: { message: string }[] };
    const sarif = JSON.parse(String(await getFormatter('sarif')!.render(input))) as {
      runs: { results: { message: { text: string } }[] }[];
    };
    const junit = String(await getFormatter('junit')!.render(input)).replace(/ (?:type|classname)="[^"]*"/g, '');
    const html = String(await getFormatter('html')!.render(input))
      .replace(/<style>[^]*?<\/style>/, '')
      .replace(/<td class="code">[^<]*<\/td>/g, '')
      .replace(/<[^>]*>/g, ' ');
    assert.deepEqual(
      {
        json: json.diagnostics.flatMap((d) => rawIds(d.message, ids)),
        sarif: sarif.runs[0].results.flatMap((r) => rawIds(r.message.text, ids)),
        junit: rawIds(junit, ids),
        html: rawIds(html, ids),
      },
      { json: [], sarif: [], junit: [], html: [] },
    );
  });

  it('the panel model, status bar, hovers, code lenses and quick-fix titles', async () => {
    const model = buildPanelModel(result, { lang, packLabel: 'demo-pack', canPickPack: false });
    const words: string[] = [];
    const walk = (value: unknown, key = ''): void => {
      if (['state', 'id', 'clause', 'pack', 'lang'].includes(key)) return;
      if (typeof value === 'string') words.push(value);
      else if (Array.isArray(value)) value.forEach((v) => walk(v));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
    };
    walk(model);
    const scores = new Map(result.score!.clauses.map((c) => [c.id, c]));
    // A hover ends with the clause's guidance in both languages (English prose after the rule): not scanned.
    for (const c of result.score!.clauses) words.push(clauseDocumentation(result.standard!, c.id, c, lang).split('\n---\n')[0]);
    for (const e of result.entries) words.push(lensTitle(e, scores.get(e.clause), lang));
    words.push(statusText(result, lang), statusTooltip(result, 'demo-pack', lang));
    for (const d of result.diagnostics) {
      if (!/\.ya?ml$|\.md$/.test(d.file)) continue;
      const text = readFileSync(d.file, 'utf8');
      const fixes = await planQuickFixes({
        file: d.file,
        text,
        diagnostic: d,
        result,
        lang,
        today: '2026-11-30',
        readText: async (f) => readFileSync(f, 'utf8'),
      });
      words.push(...fixes.map((f) => f.title));
    }
    assert.ok(words.length > 100);
    assert.deepEqual(
      words.flatMap((w) => rawIds(w, ids).map((id) => `${id} in: ${w.slice(0, 120)}`)),
      [],
    );
  });

  it('finds an id where one is left (the check above can fail)', () => {
    assert.deepEqual(rawIds('examples/demo-pack：评级 三星级 低于要求的 four-star', ['four-star']), ['four-star']);
    assert.deepEqual(rawIds('为所有缺少的类型添加证据（document, record）', ['document', 'record']), ['document', 'record']);
    assert.deepEqual(rawIds('添加“record”证据（记录） · 5.1-system.evidence.yaml · missing-evidence', ['record', 'missing']), []);
  });
});

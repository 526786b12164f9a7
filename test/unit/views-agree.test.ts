// One pack through every view: the score panel model, the code lens, the hover, the outline, the status bar,
// the HTML report, JUnit and the CLI text must name each leaf's state with the same word and show the same
// numbers (src/present is the only place that words and formats them). This fails when a view keeps a
// label or a number format of its own — as the panel's "Incomplete" beside the report's "Missing evidence",
// and the panel's "+2.6" beside the CLI's "+2.60" and the report's "+8.3" did.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { Engine } from '../../src/core/engine';
import { systemClock } from '../../src/core/host';
import type { Lang, PackResult } from '../../src/core/types';
import { nodeFileSystem } from '../../src/node/nodeFs';
import { buildPanelModel } from '../../src/extension/panel/panelModel';
import { clauseDocumentation, entrySymbols, lensTitle } from '../../src/extension/language/languageLogic';
import { statusText } from '../../src/extension/status/statusText';
import { getFormatter } from '../../src/present/formats';
import { formatGain, formatPoints, formatScore } from '../../src/present/numbers';
import { stateLabel } from '../../src/present/vocabulary';

const REPO = join(__dirname, '..', '..');
const DEMO = join(REPO, 'examples', 'demo-pack').replace(/\\/g, '/');

async function demo(lang: Lang): Promise<PackResult> {
  const engine = new Engine({ fs: nodeFileSystem, clock: systemClock, lang, workspaceRoot: REPO.replace(/\\/g, '/') });
  return engine.checkPack(DEMO);
}

const decode = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");

for (const lang of ['en', 'zh-CN'] as const) {
  describe(`every view agrees on each leaf (${lang})`, () => {
    let result: PackResult;
    before(async () => {
      result = await demo(lang);
    });

    it('names each state with one word and shows the same points in the panel, report, JUnit, code lens, hover and outline', async () => {
      const score = result.score!;
      const model = buildPanelModel(result, { lang, packLabel: 'demo-pack', canPickPack: false });
      const html = String(
        await getFormatter('html')!.render({ results: [result], baseDir: DEMO, cwd: DEMO, lang, command: 'check', toolVersion: '0' }),
      );
      const junit = String(
        await getFormatter('junit')!.render({ results: [result], baseDir: DEMO, cwd: DEMO, lang, command: 'check', toolVersion: '0' }),
      );
      const scores = new Map(score.clauses.map((c) => [c.id, c]));
      const symbols = entrySymbols(result.entries, result.standard, scores, lang);
      let states = 0;
      for (const leaf of score.clauses) {
        const word = stateLabel(leaf.state, lang);
        const points = formatPoints(leaf.points),
          earned = formatPoints(leaf.earned);
        const row = model.score!.clauses.find((c) => c.id === leaf.id)!;
        assert.deepEqual([row.stateLabel, row.points, row.earned], [word, points, earned], `panel ${leaf.id}`);

        const htmlRow = new RegExp(`<tr class="clause" data-clause="${leaf.id.replace(/\./g, '\\.')}"[^]*?</tr>`).exec(html)![0];
        const cells = [...htmlRow.matchAll(/<td[^>]*>([^]*?)<\/td>/g)].map((m) => decode(m[1]).trim());
        assert.deepEqual(cells.slice(1, 4), [points, leaf.state === 'excluded' ? '—' : earned, word], `report ${leaf.id}`);

        if (leaf.state !== 'met' && leaf.state !== 'excluded') {
          const testcase = new RegExp(`name="${leaf.id.replace(/\./g, '\\.')} [^"]*"[^>]*><failure message="([^"]*)"`).exec(junit);
          assert.ok(testcase, `junit ${leaf.id}`);
          assert.ok(decode(testcase[1]).startsWith(word), `junit ${leaf.id}: ${testcase[1]}`);
        }

        const hover = clauseDocumentation(result.standard!, leaf.id, leaf, lang);
        assert.ok(hover.includes(word), `hover ${leaf.id}`);
        assert.ok(hover.includes(`${earned} / ${points}`), `hover ${leaf.id}: ${hover}`);

        for (const entry of result.entries.filter((e) => e.clause === leaf.id)) {
          if (leaf.state !== 'excluded') assert.ok(lensTitle(entry, leaf, lang).startsWith(`${earned} / ${points}`), `lens ${leaf.id}`);
          if (leaf.state !== 'excluded') assert.ok(lensTitle(entry, leaf, lang).endsWith(word), `lens ${leaf.id}`);
          const symbol = symbols.find((s) => s.selectionRange === entry.idRange)!;
          assert.equal(symbol.detail, word, `outline ${leaf.id}`);
          states++;
        }
      }
      assert.ok(states > 10, 'the demo pack has entries for most leaves');
      assert.ok(new Set(score.clauses.map((c) => c.state)).size >= 4, 'the demo pack shows several states');
    });

    it('shows the same score and the same gains in the status bar, panel, report and CLI text', async () => {
      const score = result.score!;
      const rounding = result.standard!.rating.rounding;
      const total = formatScore(score.score, rounding);
      const model = buildPanelModel(result, { lang, packLabel: 'demo-pack', canPickPack: false });
      const html = String(
        await getFormatter('html')!.render({ results: [result], baseDir: DEMO, cwd: DEMO, lang, command: 'check', toolVersion: '0' }),
      );
      const text = String(
        await getFormatter('text')!.render({ results: [result], baseDir: DEMO, cwd: DEMO, lang, command: 'score', toolVersion: '0' }),
      );
      assert.equal(model.score!.total, total);
      assert.ok(statusText(result, lang).includes(` ${total} `));
      assert.ok(html.includes(`data-testid="score">${total}<`));
      assert.ok(text.includes(` ${total} `));
      const suggestions = score.next!.suggestions;
      assert.ok(
        suggestions.some((s) => formatGain(s.gain).includes('.')),
        'a gain with decimals',
      );
      for (const s of suggestions) {
        const gain = formatGain(s.gain);
        assert.equal(model.score!.next!.suggestions.find((x) => x.clause === s.clause)!.gain, gain, `panel gain ${s.clause}`);
        assert.match(
          html,
          new RegExp(`data-clause="${s.clause.replace(/\./g, '\\.')}">[^]*?<td class="num">${gain.replace('+', '\\+')}</td>`),
          `report gain ${s.clause}`,
        );
        assert.ok(text.includes(`${gain} ${s.clause} `), `text gain ${s.clause}`);
      }
    });
  });
}

describe('the score panel never shows a negative zero', () => {
  it('a pack without special deductions or bonus says so in words, not "0 (−0)"', async () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const result = await demo(lang);
      const model = buildPanelModel(
        {
          ...result,
          manifest: { ...result.manifest!, specialDeductions: [], specialBonuses: [] },
          score: { ...result.score!, specialDeductions: 0, specialBonus: 0 },
        },
        { lang, packLabel: 'demo-pack', canPickPack: false },
      );
      const text = JSON.stringify(model);
      assert.doesNotMatch(text, /[−-]0(?![.\d])/, lang);
      assert.equal(model.strings.deductions, lang === 'en' ? 'Special deductions: none' : '特别扣分项：无');
      assert.equal(model.strings.bonus, lang === 'en' ? 'Special bonus: none' : '特别加分项：无');
    }
  });
});

describe('numbers (src/present/numbers.ts)', () => {
  it("write points with at most two decimals and no trailing zeros, scores with the standard's decimals, and never -0", () => {
    assert.deepEqual([2.6, 2.604, 13.98, 14, 0.1 + 0.2, -0.001].map(formatPoints), ['2.6', '2.6', '13.98', '14', '0.3', '0']);
    assert.deepEqual([2.6, 13.98, 0].map(formatGain), ['+2.6', '+13.98', '+0']);
    assert.deepEqual(
      [formatScore(82.4, 1), formatScore(-0.01, 1), formatScore(90, 1), formatScore(82.35, 2)],
      ['82.4', '0.0', '90.0', '82.35'],
    );
  });
});

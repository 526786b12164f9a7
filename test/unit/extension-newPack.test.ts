// "New Evidence Pack" asks four questions before it writes anything. The questions go through the
// NewPackUi the command implements with VS Code's input box and quick pick; here a script answers them
// as a user would (Enter on a default, a typed value, or Escape).
import { strict as assert } from 'node:assert';
import { parseManifest } from '../../src/core/manifest';
import {
  askNewPack,
  loadBuiltin,
  newPackPaths,
  planNewPack,
  type InputStep,
  type NewPackUi,
  type PickStep,
} from '../../src/extension/commands/newPack';

type Answer = string | 'ENTER' | 'ESC';
interface Asked {
  kind: 'input' | 'pick';
  title: string;
  step: InputStep | PickStep<unknown>;
}

/** Answers the questions in order: 'ENTER' takes the default (an input's value, a pick's first item), 'ESC' cancels. */
function scripted(answers: Answer[]): NewPackUi & { asked: Asked[] } {
  const asked: Asked[] = [];
  const next = () => {
    const a = answers.shift();
    assert.ok(a !== undefined, 'asked more questions than the script answers');
    return a;
  };
  return {
    asked,
    async input(step) {
      asked.push({ kind: 'input', title: step.title, step });
      const a = next();
      if (a === 'ESC') return undefined;
      const value = a === 'ENTER' ? step.value : a;
      // VS Code keeps the box open while validateInput returns a message
      const problem = step.validate?.(value);
      assert.equal(problem, undefined, `the box would not accept "${value}": ${problem}`);
      return value;
    },
    async pick<T>(step: PickStep<T>) {
      asked.push({ kind: 'pick', title: step.title, step: step as PickStep<unknown> });
      const a = next();
      if (a === 'ESC') return undefined;
      const item = a === 'ENTER' ? step.items[0] : step.items.find((i) => i.label === a || i.description === a || i.value === a);
      assert.ok(item, `no item "${a}" among ${step.items.map((i) => i.label).join(', ')}`);
      return item.value;
    },
  };
}

const TODAY = '2026-11-30';
const STD = loadBuiltin()!;

describe('New Evidence Pack: the questions', () => {
  it('Enter on every question: the placeholder organisation, production, three-star, today', async () => {
    const ui = scripted(['ENTER', 'ENTER', 'ENTER', 'ENTER']);
    const options = await askNewPack(ui, STD, 'en', TODAY);
    assert.deepEqual(options, { organization: undefined, type: 'production', target: 'three-star', date: TODAY });
    assert.deepEqual(
      ui.asked.map((a) => a.title),
      [1, 2, 3, 4].map((n) => `New Evidence Pack (${n}/4)`),
    );
  });

  it('asks in the display language, offering labels (never ids) and stars', async () => {
    const ui = scripted(['海川家电有限公司', '销售服务型企业', '★★★★ 四星级', '2026-10-15']);
    const options = await askNewPack(ui, STD, 'zh-CN', TODAY);
    assert.deepEqual(options, { organization: '海川家电有限公司', type: 'sales-service', target: 'four-star', date: '2026-10-15' });
    assert.equal(ui.asked[0].title, '新建证据包（1/4）');
    const types = (ui.asked[1].step as PickStep<string>).items.map((i) => [i.label, i.description].filter(Boolean).join(' · '));
    assert.deepEqual(types, ['生产型企业', '销售服务型企业']);
    const bands = (ui.asked[2].step as PickStep<string>).items.map((i) => `${i.label} · ${i.description}`);
    assert.deepEqual(bands, ['★★★ 三星级 · 80 分起', '达标级 · 70 分起', '★★★★ 四星级 · 90 分起', '★★★★★ 五星级 · 95 分起']);
  });

  it("the date box refuses what is not a date, in the user's language, and offers today", async () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const ui = scripted(['x', 'ENTER', 'ENTER', 'ESC']);
      await askNewPack(ui, STD, lang, TODAY);
      const date = ui.asked[3].step as InputStep;
      assert.equal(date.value, TODAY);
      assert.equal(date.validate!('2026-10-15'), undefined);
      for (const bad of ['2026-02-30', '15.10.2026', '']) {
        const message = date.validate!(bad);
        assert.ok(message, bad);
        assert.match(message!, lang === 'en' ? /not a date written YYYY-MM-DD, e\.g\. 2026-10-15/ : /不是 YYYY-MM-DD 格式的有效日期/);
      }
    }
  });

  for (let step = 0; step < 4; step++) {
    it(`Escape at question ${step + 1} cancels: no further question, no file planned`, async () => {
      const answers: Answer[] = ['Acme', 'ENTER', 'ENTER', 'ENTER'];
      answers[step] = 'ESC';
      const ui = scripted(answers);
      const files = await planNewPack(ui, STD, 'en', TODAY);
      assert.equal(files, undefined);
      assert.equal(ui.asked.length, step + 1);
    });
  }

  it('the answers reach the manifest; the files are those the command checked before asking', async () => {
    const files = await planNewPack(scripted(['  Acme Service Ltd ', 'sales-service', 'five-star', '2026-09-01']), STD, 'en', TODAY);
    assert.ok(files);
    assert.deepEqual(
      files.map((f) => f.path),
      newPackPaths(STD, 'en'),
    );
    const m = parseManifest(files[0].text, '/p/evidence-pack.yaml', TODAY, 'en');
    assert.deepEqual(m.diagnostics, []);
    assert.deepEqual(m.manifest!.organization, { name: 'Acme Service Ltd', type: 'sales-service' });
    assert.equal(m.manifest!.target, 'five-star');
    assert.equal(m.manifest!.assessmentDate, '2026-09-01');
  });

  it('an organisation left empty is the placeholder, which the manifest check then reports', async () => {
    const files = await planNewPack(scripted(['', 'ENTER', 'ENTER', 'ENTER']), STD, 'zh-CN', TODAY);
    const m = parseManifest(files![0].text, '/p/evidence-pack.yaml', TODAY, 'zh-CN');
    assert.deepEqual(
      m.diagnostics.map((d) => d.code),
      ['placeholder-organization'],
    );
  });
});

// Facts about the built-in GB/T 27922-2011 standard that users rely on: the public totals
// (40/35/25, 5.1.2.2 = 5), the level rules, and that every clause speaks both languages and
// tells the consultant what evidence to bring. Read straight from the YAML, independent of the engine.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';

interface Text {
  'zh-CN': string;
  en: string;
}
interface RawClause {
  id: unknown;
  title: Text;
  points?: number;
  requires?: string[];
  sampled?: boolean;
  excludable?: boolean;
  guidance?: Text;
  children?: RawClause[];
}
interface RawStandard {
  id: string;
  title: Text;
  weights: string;
  kinds: { id: string; label: Text; dated?: boolean }[];
  rating: {
    scale: number;
    rounding: number;
    fail: { id: string; label: Text };
    bands: { id: string; min: number; stars: number; label: Text }[];
    special_deduction: { points: number; fail_at: number };
    special_bonus: { points: number; max: number };
  };
  clauses: RawClause[];
}

const file = path.resolve(__dirname, '../../schemas/standards/gbt27922-2011.yaml');
const std = YAML.parse(fs.readFileSync(file, 'utf8')) as RawStandard;

const all: RawClause[] = [];
const walk = (c: RawClause): void => {
  all.push(c);
  c.children?.forEach(walk);
};
std.clauses.forEach(walk);
const leaves = all.filter((c) => !c.children);
const byId = new Map(all.map((c) => [String(c.id), c]));
const leavesOf = (c: RawClause): RawClause[] => (c.children ? c.children.flatMap(leavesOf) : [c]);
/** Sum in hundredths so that 2.5 + 2.5 never drifts. */
const sumPoints = (cs: RawClause[]): number => cs.reduce((a, c) => a + Math.round((c.points ?? NaN) * 100), 0) / 100;
const hasChinese = (s: string): boolean => /[\u4e00-\u9fff]/.test(s);

describe('built-in standard gbt27922-2011', () => {
  it('is identified as gbt27922-2011 with a bilingual title and provisional weights', () => {
    assert.equal(std.id, 'gbt27922-2011');
    assert.match(std.title['zh-CN'], /GB\/T 27922-2011 商品售后服务评价体系/);
    assert.match(std.title.en, /GB\/T 27922-2011/);
    // Per-leaf points are not public: every score view must say "provisional" until a sheet is used.
    assert.equal(std.weights, 'provisional');
  });

  it('has the three first-level indicators 5.1, 5.2, 5.3 (no clause "5")', () => {
    assert.deepEqual(
      std.clauses.map((c) => c.id),
      ['5.1', '5.2', '5.3'],
    );
    assert.equal(byId.has('5'), false);
  });

  it('sums its leaves to 40 / 35 / 25 and 100 in total', () => {
    assert.deepEqual(
      std.clauses.map((c) => sumPoints(leavesOf(c))),
      [40, 35, 25],
    );
    assert.equal(sumPoints(leaves), 100);
  });

  it('states points on every parent, equal to the sum of its leaves', () => {
    for (const c of all.filter((x) => x.children)) {
      assert.equal(typeof c.points, 'number', `${String(c.id)} states its points`);
      assert.equal(c.points, sumPoints(leavesOf(c)), `${String(c.id)} points = sum of its leaves`);
    }
  });

  it('gives 5.1.2.2 售后服务管理师 exactly 5 points', () => {
    const c = byId.get('5.1.2.2');
    assert.ok(c && !c.children, '5.1.2.2 is a leaf');
    assert.equal(c.points, 5);
    assert.match(c.title['zh-CN'], /售后服务管理师/);
  });

  it('has the 15 second-level indicators and the known third-level requirements', () => {
    const second = std.clauses.flatMap((c) => c.children ?? []).map((c) => c.id);
    assert.deepEqual(second, [
      '5.1.1',
      '5.1.2',
      '5.1.3',
      '5.1.4',
      '5.1.5',
      '5.1.6',
      '5.1.7',
      '5.2.1',
      '5.2.2',
      '5.2.3',
      '5.2.4',
      '5.2.5',
      '5.2.6',
      '5.3.1',
      '5.3.2',
    ]);
    assert.deepEqual(
      leaves.map((c) => c.id),
      [
        '5.1.1.1',
        '5.1.1.2',
        '5.1.2.1',
        '5.1.2.2',
        '5.1.3.1',
        '5.1.3.2',
        '5.1.3.3',
        '5.1.4.1',
        '5.1.4.2',
        '5.1.5.1',
        '5.1.5.2',
        '5.1.6',
        '5.1.7',
        '5.2.1',
        '5.2.2',
        '5.2.3',
        '5.2.4',
        '5.2.5',
        '5.2.6',
        '5.3.1',
        '5.3.2',
      ],
    );
  });

  it('writes every clause id as a string, unique, prefixed by its parent id', () => {
    const ids = all.map((c) => c.id);
    assert.ok(
      ids.every((id) => typeof id === 'string'),
      'ids are strings',
    );
    assert.equal(new Set(ids).size, ids.length, 'ids are unique');
    for (const c of all) for (const k of c.children ?? []) assert.ok(String(k.id).startsWith(`${String(c.id)}.`), String(k.id));
  });

  it('gives every clause a title in zh-CN and en', () => {
    for (const c of all) {
      assert.ok(hasChinese(c.title?.['zh-CN'] ?? ''), `${String(c.id)} zh-CN title`);
      assert.ok((c.title?.en ?? '').trim().length > 0, `${String(c.id)} en title`);
    }
  });

  it('gives every leaf guidance in both languages, required kinds it knows, and its flags', () => {
    const kinds = new Set(std.kinds.map((k) => k.id));
    for (const c of leaves) {
      const id = String(c.id);
      assert.ok(hasChinese(c.guidance?.['zh-CN'] ?? ''), `${id} zh-CN guidance`);
      assert.ok((c.guidance?.en ?? '').length > 20, `${id} en guidance`);
      assert.ok(Array.isArray(c.requires) && c.requires.length >= 1 && c.requires.length <= 3, `${id} requires 1–3 kinds`);
      for (const k of c.requires ?? []) assert.ok(kinds.has(k), `${id} requires known kind ${k}`);
      assert.equal(typeof c.sampled, 'boolean', `${id} sampled`);
      assert.equal(typeof c.excludable, 'boolean', `${id} excludable`);
      assert.ok(typeof c.points === 'number' && c.points > 0, `${id} points`);
    }
  });

  it('samples staff, outlets, facilities, installation, delivery, repair, customer records and complaints, as bodies do', () => {
    const sampled = leaves.filter((c) => c.sampled).map((c) => c.id);
    assert.deepEqual(sampled, ['5.1.1.2', '5.1.2.1', '5.1.3.3', '5.2.2', '5.2.3', '5.2.4', '5.3.1', '5.3.2']);
  });

  it('allows excluding only indicators that can plausibly not apply — in practice also product information, repair and warranty', () => {
    assert.deepEqual(
      leaves.filter((c) => c.excludable).map((c) => c.id),
      ['5.1.1.2', '5.2.1', '5.2.2', '5.2.3', '5.2.4', '5.2.5', '5.2.6'],
    );
  });

  it('says an after-sales department may be set up or designated (设立或指定)', () => {
    const c = leaves.find((l) => l.id === '5.1.1.1')!;
    assert.match(c.guidance!['zh-CN'], /设立或指定/);
    assert.match(c.guidance!.en, /set up or designated/);
  });

  it('knows the kinds document, record, interview, observation, survey, mystery shopping, case file; all but documents dated', () => {
    const kinds = std.kinds as { id: string; label: Text; dated?: boolean; window_months?: number }[];
    assert.deepEqual(
      kinds.map((k) => [k.id, k.label['zh-CN'], k.label.en, k.dated === true, k.window_months ?? null]),
      [
        ['document', '文件', 'Document', false, null],
        ['record', '记录', 'Record', true, null],
        ['interview', '访谈', 'Interview', true, null],
        ['observation', '现场观察', 'Observation', true, null],
        ['survey', '顾客调查', 'Customer survey', true, 36],
        ['mystery-shop', '神秘顾客', 'Mystery shopping', true, null],
        ['case-file', '案例档案', 'Case file', true, 36],
      ],
    );
  });

  it("lists the scheme's prerequisites and application dossier, each with titles and guidance in both languages", () => {
    const raw = std as unknown as {
      prerequisites: { id: string; title: Text; guidance: Text }[];
      dossier: { id: string; title: Text; guidance: Text }[];
    };
    assert.deepEqual(
      raw.prerequisites.map((i) => i.id),
      ['legal-entity', 'system-running', 'no-major-incident', 'certified-manager', 'service-funds'],
    );
    assert.deepEqual(
      raw.dossier.map((i) => i.id),
      [
        'application-form',
        'business-licence',
        'permits',
        'organisation-profile',
        'organisation-chart',
        'service-policy',
        'outlet-list',
        'certificates-honours',
        'system-documents',
        'complaint-records',
        'satisfaction-survey',
        'staff-qualifications',
        'manager-certificates',
        'self-evaluation',
      ],
    );
    for (const i of [...raw.prerequisites, ...raw.dossier]) {
      for (const t of [i.title, i.guidance]) assert.ok(t['zh-CN'].trim() && t.en.trim(), i.id);
    }
  });

  it('rates on 100 with one decimal: fail < 70, 达标 70, 三星 80, 四星 90, 五星 95', () => {
    assert.equal(std.rating.scale, 100);
    assert.equal(std.rating.rounding, 1);
    assert.deepEqual(std.rating.fail, { id: 'fail', label: { 'zh-CN': '不合格', en: 'Fail' } });
    assert.deepEqual(
      std.rating.bands.map((b) => [b.id, b.min, b.stars, b.label['zh-CN'], b.label.en]),
      [
        ['qualified', 70, 0, '达标级', 'Qualified'],
        ['three-star', 80, 3, '三星级', 'Three-star'],
        ['four-star', 90, 4, '四星级', 'Four-star'],
        ['five-star', 95, 5, '五星级', 'Five-star'],
      ],
    );
  });

  it('costs 1 point per special deduction, fails at 5, and adds at most one 1-point bonus', () => {
    assert.deepEqual(std.rating.special_deduction, { points: 1, fail_at: 5 });
    assert.deepEqual(std.rating.special_bonus, { points: 1, max: 1 });
  });
});

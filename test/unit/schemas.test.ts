// The JSON Schemas ship with the extension and are used by other editors too (yaml-language-server):
// they must compile under ajv's strict mode, accept every file we ship as an example, and reject
// the mistakes a consultant makes, pointing at the offending node.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import YAML from 'yaml';

const repo = path.resolve(__dirname, '../..');
const schemaNames = ['standard', 'evidence', 'pack', 'scoring'] as const;
type SchemaName = (typeof schemaNames)[number];

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(repo, file), 'utf8')) as Record<string, unknown>;
}
function readYaml(file: string): unknown {
  return YAML.parse(fs.readFileSync(path.join(repo, file), 'utf8'));
}
/** The YAML front matter of a Markdown evidence file, parsed (undefined when there is none). */
function frontMatter(file: string): unknown {
  const text = fs.readFileSync(path.join(repo, file), 'utf8').replace(/^\uFEFF/, '');
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  return m ? YAML.parse(m[1]!) : undefined;
}
function filesBelow(dir: string, test: (name: string) => boolean): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(repo, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...filesBelow(rel, test));
    else if (test(entry.name)) out.push(rel);
  }
  return out.sort();
}
function explain(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ');
}

describe('JSON schemas', () => {
  // Strict mode, allowing `type: [string, number]` (clause ids): one clear error instead of an anyOf pair.
  const ajv = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true });
  const validators = {} as Record<SchemaName, ValidateFunction>;

  before(() => {
    for (const name of schemaNames) validators[name] = ajv.compile(readJson(`schemas/${name}.schema.json`));
  });

  function valid(name: SchemaName, data: unknown, what: string): void {
    const v = validators[name];
    assert.ok(v(data), `${what} should be valid: ${explain(v.errors)}`);
  }
  /** Asserts `data` is invalid and that one error sits at `instancePath` (with `keyword` when given). */
  function invalidAt(name: SchemaName, data: unknown, instancePath: string, keyword?: string): ErrorObject {
    const v = validators[name];
    assert.equal(v(data), false, `should be invalid: ${JSON.stringify(data)}`);
    const hit = (v.errors ?? []).find((e) => e.instancePath === instancePath && (!keyword || e.keyword === keyword));
    assert.ok(hit, `expected an error at "${instancePath}"${keyword ? ` (${keyword})` : ''}, got: ${explain(v.errors)}`);
    return hit;
  }

  describe('the schema files', () => {
    for (const name of schemaNames) {
      it(`${name}.schema.json compiles in strict mode and names itself`, () => {
        const schema = readJson(`schemas/${name}.schema.json`);
        assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
        assert.equal(schema.$id, `https://evidence-pack.dev/schemas/${name}.schema.json`);
        assert.equal(typeof schema.title, 'string');
        assert.equal(typeof schema.description, 'string');
        assert.equal(typeof validators[name], 'function');
      });

      it(`${name}.schema.json gives every property a title and a bilingual description`, () => {
        const schema = readJson(`schemas/${name}.schema.json`);
        const missing: string[] = [];
        const visit = (node: unknown, at: string): void => {
          if (!node || typeof node !== 'object') return;
          const obj = node as Record<string, unknown>;
          const props = obj.properties as Record<string, Record<string, unknown> | boolean> | undefined;
          if (props && typeof props === 'object') {
            for (const [key, prop] of Object.entries(props)) {
              if (typeof prop === 'boolean') continue; // `if`/`else` helpers only test presence
              const desc = prop.description;
              if (typeof prop.title !== 'string') missing.push(`${at}/${key}: title`);
              // "English — 中文": the zh-CN half must hold Chinese text.
              if (typeof desc !== 'string' || !/ — .*[\u4e00-\u9fff]/.test(desc)) missing.push(`${at}/${key}: description`);
            }
          }
          for (const [key, child] of Object.entries(obj)) visit(child, `${at}/${key}`);
        };
        visit(schema, '#');
        assert.deepEqual(missing, []);
      });
    }
  });

  describe('the files we ship', () => {
    it('the built-in GB/T 27922-2011 standard is a valid standard', () => {
      valid('standard', readYaml('schemas/standards/gbt27922-2011.yaml'), 'gbt27922-2011.yaml');
    });

    it('the custom example standard is a valid standard', () => {
      valid('standard', readYaml('examples/custom-standard/standard.yaml'), 'examples/custom-standard/standard.yaml');
    });

    for (const pack of ['examples/demo-pack', 'examples/custom-standard']) {
      it(`${pack}/evidence-pack.yaml is a valid manifest`, () => {
        valid('pack', readYaml(`${pack}/evidence-pack.yaml`), `${pack}/evidence-pack.yaml`);
      });

      it(`every evidence file of ${pack} is valid (YAML files and Markdown front matter)`, () => {
        const yamlFiles = filesBelow(pack, (n) => /\.evidence\.ya?ml$/.test(n));
        const mdFiles = filesBelow(pack, (n) => n.endsWith('.evidence.md'));
        assert.ok(yamlFiles.length > 0, `${pack} has evidence YAML files`);
        for (const file of yamlFiles) valid('evidence', readYaml(file), file);
        for (const file of mdFiles) {
          const fm = frontMatter(file);
          if (fm !== undefined) valid('evidence', fm, `${file} front matter`);
        }
      });
    }

    it('the demo pack has a Markdown evidence file with front matter', () => {
      const md = filesBelow('examples/demo-pack', (n) => n.endsWith('.evidence.md'));
      assert.ok(
        md.some((f) => frontMatter(f) !== undefined),
        'a *.evidence.md with front matter',
      );
    });

    it('a scoring sheet with the built-in leaf points is valid', () => {
      const points: Record<string, number> = {};
      const walk = (c: { id: string; points?: number; children?: unknown[] }): void => {
        if (c.children) c.children.forEach((x) => walk(x as typeof c));
        else points[c.id] = c.points ?? 0;
      };
      const std = readYaml('schemas/standards/gbt27922-2011.yaml') as { clauses: { id: string }[] };
      std.clauses.forEach(walk);
      valid('scoring', { standard: 'gbt27922-2011', source: '某认证机构评分表 2025 版', points }, 'sheet');
    });
  });

  describe('evidence files', () => {
    const entry = (extra: Record<string, unknown>) => ({ clauses: [{ clause: '5.1.1.1', ...extra }] });

    it('accepts a full entry with every field docs/formats.md lists', () => {
      valid(
        'evidence',
        YAML.parse(
          [
            'clauses:',
            '  - clause: "5.1.2.2"',
            '    status: partial',
            '    samples: {size: 20, nonconforming: 2}',
            '    awarded: 3.5',
            '    justification: "…"',
            '    evidence:',
            '      - kind: record',
            '        title: 售后服务管理师名册',
            '        file: ../attachments/managers.pdf',
            '        date: 2026-09-01',
            '      - {kind: 访谈, url: "https://example.com/interview", notes: 电话访谈}',
            '    notes: "…"',
          ].join('\n'),
        ),
        'the docs example',
      );
    });

    it('accepts an unquoted clause id (a YAML number) — the engine reads its source text', () => {
      const data = YAML.parse('clauses:\n  - clause: 5.10\n    evidence: []\n') as { clauses: { clause: unknown }[] };
      assert.equal(typeof data.clauses[0]!.clause, 'number');
      valid('evidence', data, 'unquoted id');
    });

    it('rejects a clause id that is neither text nor a number with one error', () => {
      const v = validators.evidence;
      invalidAt('evidence', { clauses: [{ clause: true }] }, '/clauses/0/clause', 'type');
      assert.equal(v.errors?.length, 1, explain(v.errors));
      invalidAt('evidence', { clauses: [{ clause: '' }] }, '/clauses/0/clause', 'minLength');
    });

    it('leaves range checks of samples and awarded to the engine', () => {
      valid('evidence', entry({ samples: { size: 0, nonconforming: 5 }, awarded: 99 }), 'out-of-range numbers');
    });

    it('accepts an empty file body ({}) and an empty clause list', () => {
      valid('evidence', {}, '{}');
      valid('evidence', { clauses: [] }, 'no clauses');
    });

    it('leaves the words of a status to the engine (ids and labels in both languages, any case): it asks for text', () => {
      for (const status of ['conforming', '部分符合', '不适用', 'Non-conforming', 'done']) valid('evidence', entry({ status }), status);
      invalidAt('evidence', entry({ status: 3 }), '/clauses/0/status', 'type');
    });

    it('rejects an evidence item without kind', () => {
      const e = invalidAt('evidence', entry({ evidence: [{ title: '名册', file: 'a.csv' }] }), '/clauses/0/evidence/0', 'required');
      assert.equal(e.params.missingProperty, 'kind');
    });

    it('rejects an entry without clause', () => {
      const e = invalidAt('evidence', { clauses: [{ status: 'conforming' }] }, '/clauses/0', 'required');
      assert.equal(e.params.missingProperty, 'clause');
    });

    it('rejects a misspelt key in an entry and in an item', () => {
      const e = invalidAt('evidence', entry({ stauts: 'conforming' }), '/clauses/0', 'additionalProperties');
      assert.equal(e.params.additionalProperty, 'stauts');
      invalidAt('evidence', entry({ evidence: [{ kind: 'record', flie: 'a.csv' }] }), '/clauses/0/evidence/0', 'additionalProperties');
      invalidAt('evidence', { clause: '5.1.1.1' }, '', 'additionalProperties');
    });

    it('rejects samples without nonconforming, and non-numeric samples', () => {
      const e = invalidAt('evidence', entry({ samples: { size: 20 } }), '/clauses/0/samples', 'required');
      assert.equal(e.params.missingProperty, 'nonconforming');
      invalidAt('evidence', entry({ samples: { size: '20', nonconforming: 2 } }), '/clauses/0/samples/size', 'type');
    });

    it('leaves dates to the engine (one invalid-date error, never a second schema error)', () => {
      for (const date of ['2026-9-1', '2026/10/15', '2026年10月15日', '2026-02-30'])
        valid('evidence', entry({ evidence: [{ kind: 'record', date }] }), date);
    });

    it('rejects a url that is not http(s) and evidence that is not a list', () => {
      invalidAt('evidence', entry({ evidence: [{ kind: 'document', url: 'ftp://x/y' }] }), '/clauses/0/evidence/0/url', 'pattern');
      invalidAt('evidence', entry({ evidence: null }), '/clauses/0/evidence', 'type');
      invalidAt('evidence', entry({ awarded: '3.5' }), '/clauses/0/awarded', 'type');
    });
  });

  describe('manifest', () => {
    const base = { pack: 1, standard: 'gbt27922-2011' };

    it('accepts the manifest with every field docs/formats.md lists', () => {
      valid(
        'pack',
        YAML.parse(
          [
            'pack: 1',
            'standard: gbt27922-2011',
            'scoring: ./scoring-sheet.yaml',
            'organization: {name: 示例电器有限公司, type: production}',
            'assessment: {date: 2026-10-15, window_months: 12}',
            'target: four-star',
            'evidence: ["**/*.evidence.yaml", "**/*.evidence.yml", "**/*.evidence.md"]',
            'special_deductions:',
            '  - {id: SD-1, clause: "5.2.5", reason: "…", rectified: false, rectification: attachments/fix.pdf}',
            'special_bonus: {reason: "…", evidence: attachments/award.pdf}',
          ].join('\n'),
        ),
        'the docs example',
      );
    });

    it('accepts a list of bonuses so that the engine can report bonus-limit', () => {
      valid('pack', { ...base, special_bonus: [{ reason: 'a' }, { reason: 'b' }] }, 'two bonuses');
    });

    it('rejects pack: 2', () => {
      invalidAt('pack', { ...base, pack: 2 }, '/pack', 'const');
    });

    it('rejects a manifest without pack or standard', () => {
      const e = invalidAt('pack', { standard: 'gbt27922-2011' }, '', 'required');
      assert.equal(e.params.missingProperty, 'pack');
      assert.equal(invalidAt('pack', { pack: 1 }, '', 'required').params.missingProperty, 'standard');
    });

    it('rejects an unknown organisation type and a window outside 1..120 months', () => {
      invalidAt('pack', { ...base, organization: { type: 'retail' } }, '/organization/type', 'enum');
      invalidAt('pack', { ...base, assessment: { window_months: 0 } }, '/assessment/window_months', 'minimum');
      invalidAt('pack', { ...base, assessment: { window_months: 121 } }, '/assessment/window_months', 'maximum');
      invalidAt('pack', { ...base, assessment: { window_months: 6.5 } }, '/assessment/window_months', 'type');
      invalidAt('pack', { ...base, assessment: { date: true } }, '/assessment/date', 'type');
    });

    it('rejects a special deduction without reason, and a bonus without reason', () => {
      const e = invalidAt('pack', { ...base, special_deductions: [{ id: 'SD-1' }] }, '/special_deductions/0', 'required');
      assert.equal(e.params.missingProperty, 'reason');
      invalidAt(
        'pack',
        { ...base, special_deductions: [{ id: 'SD-1', reason: 'x', rectified: 'yes' }] },
        '/special_deductions/0/rectified',
        'type',
      );
      invalidAt('pack', { ...base, special_bonus: { evidence: 'a.pdf' } }, '/special_bonus', 'required');
    });

    it('rejects a misspelt top-level key', () => {
      const e = invalidAt('pack', { ...base, standrad: 'x' }, '', 'additionalProperties');
      assert.equal(e.params.additionalProperty, 'standrad');
    });
  });

  describe('standard files', () => {
    const t = { 'zh-CN': '标题', en: 'Title' };
    const make = (clauses: unknown[], extra: Record<string, unknown> = {}) => ({
      id: 'x',
      title: t,
      weights: 'official',
      kinds: [{ id: 'document', label: t }],
      rating: { scale: 100, rounding: 1, fail: { id: 'fail', label: t }, bands: [{ id: 'ok', min: 60, stars: 1, label: t }] },
      clauses,
      ...extra,
    });

    it('accepts a minimal standard', () => {
      valid('standard', make([{ id: '1', title: t, children: [{ id: '1.1', title: t, points: 10 }] }]), 'minimal');
    });

    it('rejects a leaf without points at that leaf', () => {
      const e = invalidAt(
        'standard',
        make([{ id: '1', title: t, children: [{ id: '1.1', title: t }] }]),
        '/clauses/0/children/0',
        'required',
      );
      assert.equal(e.params.missingProperty, 'points');
    });

    it('rejects an unquoted (numeric) clause id', () => {
      invalidAt('standard', make([{ id: 1.1, title: t, points: 1 }]), '/clauses/0/id', 'type');
    });

    it('rejects a title without its English text and an unknown weights value', () => {
      const e = invalidAt('standard', make([{ id: '1', title: { 'zh-CN': '只有中文' }, points: 1 }]), '/clauses/0/title', 'required');
      assert.equal(e.params.missingProperty, 'en');
      invalidAt('standard', make([{ id: '1', title: t, points: 1 }], { weights: 'estimated' }), '/weights', 'enum');
    });

    it('rejects stars above 5 and empty children', () => {
      const std = make([{ id: '1', title: t, children: [] }]);
      (std.rating.bands[0] as { stars: number }).stars = 6;
      invalidAt('standard', std, '/rating/bands/0/stars', 'maximum');
      invalidAt('standard', std, '/clauses/0/children', 'minItems');
    });
  });

  describe('scoring sheets', () => {
    it('rejects points written as text and a sheet without standard', () => {
      invalidAt('scoring', { standard: 'gbt27922-2011', points: { '1.1': '12' } }, '/points/1.1', 'type');
      const e = invalidAt('scoring', { points: { '1.1': 12 } }, '', 'required');
      assert.equal(e.params.missingProperty, 'standard');
    });
  });
});

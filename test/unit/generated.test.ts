// The code generated from schemas/ at build time (scripts/generate.cjs) must be what schemas/ says today,
// and must behave as the schemas compiled at run time would: same verdicts, same errors.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ErrorObject } from 'ajv';
import YAML from 'yaml';
import * as validators from '../../src/core/generated/validators';
import { builtinStandard, BUILTIN_STANDARD_IDS } from '../../src/core/standard/builtin';
import { loadStandardText } from '../../src/core/standard/loadStandard';

const repo = path.resolve(__dirname, '../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const generator = require('../../scripts/generate.cjs') as {
  validatorsSource(): string;
  standardsSource(): Promise<string>;
  outDir: string;
};

function yamlFilesBelow(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(repo, dir), { withFileTypes: true })) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) out.push(...yamlFilesBelow(rel));
    else if (/\.(ya?ml|md)$/.test(e.name)) out.push(rel);
  }
  return out.sort();
}

function dataOf(file: string): unknown {
  let text = fs.readFileSync(path.join(repo, file), 'utf8');
  if (file.endsWith('.md')) text = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  try {
    return YAML.parse(text, { maxAliasCount: 100 });
  } catch {
    return undefined;
  }
}

const summary = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? []).map((e) => `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)} ${e.message ?? ''}`);

describe('generated code (scripts/generate.cjs)', () => {
  it('the files the build bundles are what schemas/ generates today (no drift)', async () => {
    assert.equal(
      fs.readFileSync(path.join(generator.outDir, 'validators.js'), 'utf8'),
      generator.validatorsSource(),
      'src/core/generated/validators.js is out of date: run npm run build',
    );
    assert.equal(
      fs.readFileSync(path.join(generator.outDir, 'standards.js'), 'utf8'),
      await generator.standardsSource(),
      'src/core/generated/standards.js is out of date: run npm run build',
    );
  });

  it('the precompiled validators give the verdicts and errors of the schemas compiled at run time', () => {
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
    const samples = [...yamlFilesBelow('examples'), ...yamlFilesBelow('test/fixtures'), ...yamlFilesBelow('schemas/standards')]
      .map((f) => ({ f, data: dataOf(f) }))
      .filter((s) => s.data !== undefined);
    // Mistakes a user makes, each against every schema: wrong types, unknown keys, empty and odd values.
    samples.push(
      { f: 'wrong types', data: { clauses: [{ clause: 5, evidence: 'x', status: 'done' }] } },
      { f: 'stray keys', data: { version: 2, standard: '', bogus: true, clauses: {} } },
      { f: 'array', data: [1, 'two', null] },
      { f: 'string', data: 'text' },
      { f: 'kinds', data: { id: 'x', title: {}, kinds: [{ id: 1 }], rating: { bands: [{}] }, clauses: [{ id: '1', children: [{}] }] } },
    );
    assert.ok(samples.length > 20, `only ${samples.length} samples`);
    let invalid = 0;
    for (const name of ['evidence', 'pack', 'standard', 'scoring'] as const) {
      const runtime = ajv.compile(JSON.parse(fs.readFileSync(path.join(repo, `schemas/${name}.schema.json`), 'utf8')));
      const pre = validators[name];
      for (const { f, data } of samples) {
        const a = runtime(data),
          b = pre(data);
        assert.equal(b, a, `${name} on ${f}: verdict`);
        assert.deepEqual(summary(pre.errors), summary(runtime.errors), `${name} on ${f}: errors`);
        if (!a) invalid++;
      }
    }
    assert.ok(invalid > 10, 'the samples must include invalid data');
  });

  it('each built-in standard is the one its YAML loads to', () => {
    assert.deepEqual(
      [...BUILTIN_STANDARD_IDS],
      fs
        .readdirSync(path.join(repo, 'schemas/standards'))
        .filter((n) => n.endsWith('.yaml'))
        .map((n) => n.slice(0, -5))
        .sort(),
    );
    for (const id of BUILTIN_STANDARD_IDS) {
      const text = fs.readFileSync(path.join(repo, `schemas/standards/${id}.yaml`), 'utf8');
      const loaded = loadStandardText(text, `builtin:${id}`, 'zh-CN');
      assert.deepEqual(loaded.diagnostics, []);
      // Compared as data (a field left undefined is one JSON leaves out), with the indexes rebuilt.
      const plain = (std: unknown) =>
        JSON.parse(
          JSON.stringify(std, (_k, v: unknown) => (v === Infinity ? 'Infinity' : v instanceof Map ? [...v.keys()] : v)),
        ) as unknown;
      const built = builtinStandard(id)!;
      assert.deepEqual(plain(built), plain(loaded.standard));
      assert.deepEqual(
        built.leaves.map((c) => c.id),
        loaded.standard!.leaves.map((c) => c.id),
      );
      for (const leaf of built.leaves) assert.equal(built.byId.get(leaf.id), leaf, 'the index points into the tree');
    }
    assert.equal(builtinStandard('constructor'), undefined);
    assert.equal(builtinStandard('__proto__'), undefined);
  });
});

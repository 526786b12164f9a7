// The YAML fast path (src/core/parse/fastYaml.ts) against `yaml`'s parseDocument, differentially:
// whatever text the fast path accepts must give the same tree (node classes, values, scalar types,
// ranges), the same plain value, no errors, and so the same entries and schema diagnostics. Texts
// come from a generator of evidence files in many layouts, then from random mutations of them
// (which mostly must be refused, and must never be accepted with a different reading), and from
// every evidence YAML file in the repository. The common layouts must take the fast path.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { isMap, isPair, isScalar, isSeq, Scalar, type Node } from 'yaml';
import { planInit } from '../../src/core/init';
import { fastParseYaml } from '../../src/core/parse/fastYaml';
import { entriesFromYaml } from '../../src/core/parse/evidenceYaml';
import { parseYaml, type YamlSource } from '../../src/core/parse/yamlSource';
import { schemaDiagnostics } from '../../src/core/schemaCheck';
import { builtinStandard } from '../../src/core/standard/builtin';
import { LineIndex } from '../../src/core/text';
import { rng, yamlTree } from './support/yamlTreeGen';

const REPO = path.resolve(__dirname, '../..');
const RUNS = Number(process.env.FUZZ_RUNS ?? 400);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

function sameNode(a: unknown, b: unknown, at: string): void {
  if (isScalar(b)) {
    assert.ok(isScalar(a), `${at}: expected a scalar`);
    assert.ok(Object.is(a.value, b.value), `${at}: value ${String(a.value)} vs ${String(b.value)}`);
    assert.equal(a.type, b.type, `${at}: scalar type`);
    assert.equal(a.source, b.source, `${at}: source`);
    assert.equal(a.format, b.format, `${at}: format`);
    assert.equal(
      (a as { minFractionDigits?: number }).minFractionDigits,
      (b as { minFractionDigits?: number }).minFractionDigits,
      `${at}: minFractionDigits`,
    );
  } else if (isMap(b)) {
    assert.ok(isMap(a), `${at}: expected a mapping`);
    assert.equal(a.flow ?? false, b.flow ?? false, `${at}: flow`);
    assert.equal(a.items.length, b.items.length, `${at}: pairs`);
    b.items.forEach((p, i) => {
      const q = a.items[i];
      assert.ok(isPair(p) && isPair(q));
      sameNode(q.key, p.key, `${at}.key[${i}]`);
      sameNode(q.value, p.value, `${at}.${String((p.key as Scalar).value)}`);
    });
  } else if (isSeq(b)) {
    assert.ok(isSeq(a), `${at}: expected a sequence`);
    assert.equal(a.items.length, b.items.length, `${at}: items`);
    b.items.forEach((x, i) => sameNode(a.items[i], x, `${at}[${i}]`));
  } else {
    assert.fail(`${at}: yaml gave ${String(b)} (${(b as Node)?.constructor?.name})`);
  }
  assert.deepEqual((a as Node).range, (b as Node).range, `${at}: range`);
}

/** 'fast' when the fast path took the text (and agreed with yaml), 'slow' when it left it to yaml. */
function compare(text: string): 'fast' | 'slow' {
  const fast = fastParseYaml(text, new LineIndex(text));
  if (!fast) return 'slow';
  const slow = parseYaml(text);
  try {
    assert.deepEqual(slow.errors, [], 'the fast path accepted a text yaml reports errors in');
    sameNode(fast.doc.contents, slow.doc.contents, '$');
    assert.deepStrictEqual(fast.value, slow.value);
    assert.deepStrictEqual(entriesFromYaml(fast, 'f.yaml'), entriesFromYaml(slow, 'f.yaml'));
    for (const lang of ['en', 'zh-CN'] as const) {
      assert.deepStrictEqual(
        schemaDiagnostics('evidence', fast as YamlSource, 'f.yaml', lang),
        schemaDiagnostics('evidence', slow, 'f.yaml', lang),
      );
    }
  } catch (e) {
    console.error(`--- text ---\n${JSON.stringify(text)}`);
    throw e;
  }
  return 'fast';
}

// ------------------------------------------------------------------ an evidence file generator

const KINDS = ['document', 'record', 'interview', 'observation', 'site-check', 'bogus'];
const STATUSES = ['conforming', 'partial', 'nonconforming', 'excluded', 'maybe'];
const WORDS = [
  '售后服务管理制度',
  '客户投诉处理台账（第 3 号）',
  'Service policy v2',
  'a: b',
  'x #y',
  "it's",
  'say "hi"',
  '50%',
  '2026-06-01',
  '5.10',
  '12',
  '0x1F',
  '0o17',
  '1e3',
  '.5',
  '+3',
  'true',
  'False',
  'null',
  '~',
  'NULL',
  'yes',
  'on',
  '.inf',
  '.NaN',
  '-',
  '-3',
  '[a]',
  '{b}',
  'a,b',
  'url: x',
  'http://example.com/a?b=c',
  '../attachments/a0.md',
  '#tag',
  '&anchor',
  '*alias',
  '!tag',
  '|',
  '>',
  '@x',
  '`x`',
  '%d',
  'trailing:',
  'colon:inside',
  '：全角冒号',
  '😀 emoji',
  ' lead',
  'mid  space',
  '',
  'a\\b',
  '__proto__',
  'key: "q"',
  '?x',
  ':x',
];

interface Style {
  indent: number;
  seqIndent: boolean;
  quote: 'plain' | 'double' | 'single' | 'mixed';
  comments: boolean;
  blank: boolean;
  flowSamples: boolean;
  flowSpaces: boolean;
  crlf: boolean;
  trailingNewline: boolean;
  blocks: boolean;
  oddComments: boolean;
  wrapped: boolean;
  flowSeqs: boolean;
}

function genEvidence(seed: number, style: Style): string {
  const rnd = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  const q = (s: string): string => {
    const mode = style.quote === 'mixed' ? pick(['plain', 'double', 'single'] as const) : style.quote;
    if (mode === 'double') return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
    if (mode === 'single') return `'${s.replace(/'/g, "''")}'`;
    return s;
  };
  const ind = (n: number) => ' '.repeat(n * style.indent);
  const out: string[] = [];
  if (style.comments) out.push('# 证据文件');
  out.push('clauses:');
  const dash = style.seqIndent ? 1 : 0;
  const n = 1 + Math.floor(rnd() * 4);
  for (let c = 0; c < n; c++) {
    if (style.blank && rnd() < 0.5) out.push('');
    if (style.comments && rnd() < 0.4) out.push(`${ind(dash)}# 条款 ${c}`);
    const base = ind(dash);
    const fields = ' '.repeat(base.length + 2);
    out.push(`${base}- clause: ${q(pick(['5.1.1.1', '5.1.2.2', '5.10', '5.2.4', '9.9']))}`);
    if (rnd() < 0.7) out.push(`${fields}status: ${q(pick(STATUSES))}${style.comments && rnd() < 0.3 ? '  # 状态' : ''}`);
    if (rnd() < 0.3) {
      const [size, bad] = [pick(['20', '5', '0', 'x', '3.5']), pick(['2', '0', '-1'])];
      out.push(
        style.flowSamples
          ? `${fields}samples: ${style.flowSpaces ? `{ size: ${size}, nonconforming: ${bad} }` : `{size: ${size}, nonconforming: ${bad}}`}`
          : `${fields}samples:\n${fields}${ind(1)}size: ${size}\n${fields}${ind(1)}nonconforming: ${bad}`,
      );
    }
    if (rnd() < 0.2) out.push(`${fields}awarded: ${pick(['1', '2.5', '7', 'x'])}`);
    if (rnd() < 0.2) out.push(`${fields}justification:${rnd() < 0.3 ? '' : ` ${q(pick(WORDS))}`}`);
    if (style.flowSeqs && rnd() < 0.5) {
      // Evidence as a one-line flow sequence of flow mappings (and now and then a stray scalar or list).
      const items = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () =>
        rnd() < 0.15
          ? q(pick(WORDS))
          : `{kind: ${q(pick(KINDS))}, title: ${q(pick(WORDS))}${rnd() < 0.5 ? `, date: ${pick(['2026-06-01', '2024-01-31'])}` : ''}}`,
      );
      out.push(
        `${fields}evidence: [${pick(['', ' '])}${items.join(pick([', ', ',', ' , ']))}${pick(['', ' '])}]${rnd() < 0.2 ? '  # 证据' : ''}`,
      );
      if (rnd() < 0.2) out.push(`${fields}tags: [${q(pick(WORDS))}, ${q(pick(WORDS))}]`);
    } else if (rnd() < 0.85) {
      const m = Math.floor(rnd() * 4);
      out.push(`${fields}evidence:${m === 0 && rnd() < 0.5 ? ' []' : ''}`);
      const edash = fields + (style.seqIndent ? ind(1) : '');
      for (let e = 0; e < m; e++) {
        if (style.blank && rnd() < 0.2) out.push('');
        const efields = ' '.repeat(edash.length + 2);
        out.push(`${edash}- kind: ${q(pick(KINDS))}`);
        out.push(`${efields}title: ${q(pick(WORDS))}`);
        if (rnd() < 0.7) out.push(`${efields}file: ${q(pick(['../attachments/a0.md', 'att/b c.pdf', '', '/abs']))}`);
        if (rnd() < 0.5) out.push(`${efields}date: ${pick(['2026-06-01', '2024-01-31', "'2026-05-28'", '20260601'])}`);
        if (rnd() < 0.1) out.push(`${efields}extra: ${q(pick(WORDS))}`);
      }
    }
    // Comments at other indentations than the next line's (yaml gives some of them to a closing collection).
    if (style.oddComments && rnd() < 0.2) out.push(`${pick([fields, base, fields + ind(1)])}# ${pick(['备注', '小结', 'x: y'])}`);
    if (rnd() < 0.4) {
      out.push(`${fields}notes: ${q(pick(WORDS))}`);
      // Wrapped over more lines, sometimes with blank lines between (a plain scalar folds them).
      if (style.wrapped)
        for (let j = Math.floor(rnd() * 3); j > 0; j--)
          out.push(rnd() < 0.2 ? '' : `${' '.repeat(fields.length + 1 + Math.floor(rnd() * 4))}${pick(WORDS)}`);
    }
    // eslint-disable-next-line no-dupe-else-if -- rnd() draws a new number on each call
    else if (style.blocks && rnd() < 0.4) {
      // A block scalar: literal or folded (clip, strip, keep, indicated), with blank and odd lines inside.
      const body = ' '.repeat(fields.length + (rnd() < 0.8 ? style.indent : 1));
      out.push(`${fields}${pick(['notes', 'justification'])}: ${pick(['|', '|', '|-', '|+', '>', '>', '>-', '>+', '|2', '| # c'])}`);
      const n = Math.floor(rnd() * 4);
      for (let j = 0; j < n; j++)
        out.push(
          rnd() < 0.2
            ? pick(['', ' '.repeat(body.length), ' '.repeat(body.length + 1)])
            : `${body}${rnd() < 0.15 ? ' ' : ''}${pick(WORDS)}`,
        );
      if (rnd() < 0.3) out.push('');
    }
  }
  if (style.comments && rnd() < 0.5) out.push(pick(['# 结束', `${ind(dash)}# 5.1.7 尚未提交`, `${ind(dash)}  # 小结`]));
  let text = out.join('\n') + (style.trailingNewline ? '\n' : '');
  if (style.crlf) text = text.replace(/\n/g, '\r\n');
  return text;
}

const styleArb: fc.Arbitrary<Style> = fc.record({
  indent: fc.constantFrom(2, 2, 4, 3),
  seqIndent: fc.boolean(),
  quote: fc.constantFrom('plain', 'double', 'single', 'mixed'),
  comments: fc.boolean(),
  blank: fc.boolean(),
  flowSamples: fc.boolean(),
  flowSpaces: fc.boolean(),
  crlf: fc.boolean(),
  trailingNewline: fc.boolean(),
  blocks: fc.boolean(),
  oddComments: fc.boolean(),
  wrapped: fc.boolean(),
  flowSeqs: fc.boolean(),
});

const MUTATION_CHARS = [
  ' ',
  '  ',
  '\n',
  '#',
  ' #',
  ':',
  ': ',
  '-',
  '- ',
  '"',
  "'",
  '{',
  '}',
  '[',
  ']',
  ',',
  '&a',
  '*a',
  '!',
  '|',
  '>',
  '?',
  '\t',
  '\r',
  '\\',
  '%',
  '@',
  '---',
  'x',
];

function mutate(text: string, seed: number, count: number): string {
  const rnd = rng(seed);
  let t = text;
  for (let k = 0; k < count; k++) {
    const at = Math.floor(rnd() * (t.length + 1));
    const op = rnd();
    if (op < 0.5) t = t.slice(0, at) + MUTATION_CHARS[Math.floor(rnd() * MUTATION_CHARS.length)] + t.slice(at);
    else if (op < 0.7) t = t.slice(0, at) + t.slice(at + 1 + Math.floor(rnd() * 3));
    else if (op < 0.85) {
      // A comment, blank or whitespace-only line at some indentation, between two lines.
      const ls = t.split('\n');
      const i = Math.floor(rnd() * (ls.length + 1));
      ls.splice(i, 0, ' '.repeat(Math.floor(rnd() * 7)) + ['# 注释', '', '#', '#x: y'][Math.floor(rnd() * 4)]);
      t = ls.join('\n');
    } else {
      // Re-indent one line by ±1–2 spaces.
      const ls = t.split('\n');
      const i = Math.floor(rnd() * ls.length);
      ls[i] = rnd() < 0.5 ? ls[i].replace(/^ {1,2}/, '') : ' '.repeat(1 + Math.floor(rnd() * 2)) + ls[i];
      t = ls.join('\n');
    }
  }
  return t;
}

describe('YAML fast path (differential with yaml.parseDocument)', function () {
  this.timeout(120_000);

  it('gives the tree, value, entries and schema diagnostics yaml gives, for generated evidence files in many layouts', () => {
    let fast = 0;
    let total = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), styleArb, (seed, style) => {
        total++;
        if (compare(genEvidence(seed, style)) === 'fast') fast++;
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // Generated files include scalars the fast path refuses on purpose (escapes, indicators, `-3`…),
    // yet most of them must still take it.
    console.log(`      ${fast} of ${total} generated files took the fast path`);
    assert.ok(fast / total > 0.25, `only ${fast} of ${total} generated files took the fast path`);
  });

  it('never accepts a mutated file with a different reading than yaml', () => {
    let fast = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), styleArb, fc.integer({ min: 1, max: 4 }), (seed, style, count) => {
        if (compare(mutate(genEvidence(seed, style), seed ^ 0x5bd1e995, count)) === 'fast') fast++;
      }),
      { numRuns: RUNS * 2, seed: SEED },
    );
    console.log(`      ${fast} of ${RUNS * 2} mutated files took the fast path`);
    assert.ok(fast > 0, 'no mutated file took the fast path: the property tested nothing');
  });

  it('gives what yaml gives for random YAML trees (any keys, scalars, indentation, comments, blank lines)', () => {
    // Seeds far apart per FUZZ_SEED, so that runs with neighbouring seeds do not test the same trees.
    const base = (SEED ?? Math.floor(Math.random() * 2 ** 20)) * 1_000_003;
    let fast = 0;
    const n = RUNS * 3;
    for (let i = 0; i < n; i++) {
      try {
        if (compare(yamlTree(base + i)) === 'fast') fast++;
      } catch (e) {
        (e as Error).message += ` (the text is yamlTree(${base + i}) from test/unit/support/yamlTreeGen.ts)`;
        throw e;
      }
    }
    console.log(`      ${fast} of ${n} random trees took the fast path`);
    assert.ok(fast > n * 0.15, `only ${fast} of ${n} random trees took the fast path`);
  });

  it('takes the fast path for the layouts evidence files are written in, and reads them as yaml does', () => {
    const plainStyle: Style = {
      indent: 2,
      seqIndent: true,
      quote: 'plain',
      comments: true,
      blank: true,
      flowSamples: true,
      flowSpaces: false,
      crlf: false,
      trailingNewline: true,
      blocks: false,
      oddComments: false,
      wrapped: false,
      flowSeqs: false,
    };
    const common = [
      'clauses:\n  - clause: "5.1.1.1"\n    status: conforming\n    evidence:\n      - kind: document\n        title: 售后服务管理制度\n        file: ../attachments/a0.md\n',
      '# 注释\nclauses:\n- clause: 5.10\n  evidence:\n  - kind: record\n    title: 台账\n    date: 2026-06-01\n\n- clause: "5.2.4"\n  status: excluded\n  justification: 不适用\n',
      'clauses:\n  - clause: "5.1.2.1"\n    status: partial\n    samples: { size: 20, nonconforming: 2 }\n    evidence: \n',
      "clauses:\n  - clause: '5.3'\n    awarded: 2.5\n    notes: 本条款的证据由售后服务部整理  # 备注\n    justification:\n",
      'clauses:\n  - clause: "5.2.4"\n    status: excluded\n    justification: |\n      本公司不提供安装服务。\n\n      见营业执照经营范围。\n    notes: |-\n      第二行\n',
      'clauses:\n  - clause: "5.3.3"\n    evidence:\n      - kind: document\n        title: 第一行  \n          第二行\n   \n          第三行 5\n    notes:\n      - 列表项\n        续行\n      - 12\n        34\n',
      'clauses:\n  - clause: "5.3.4"\n    evidence: [{kind: document, title: d}, {kind: record, title: r, date: 2026-09-01}]\n  - clause: "5.3.5"\n    evidence: [ {kind: document, title: "a, b"} ]  # 注\n',
      'clauses:\n  - clause: "5.3.2"\n    notes: 一段很长的说明，\n      折行写成两行\n\n      再空一行。\n    status: partial\n',
      'clauses:\n  - clause: "5.3.1"\n    notes: >\n      一段很长的说明，\n      折行写成两行。\n\n      第二段。\n    justification: >-\n      x\n',
    ];
    for (const text of common) {
      assert.equal(compare(text), 'fast', JSON.stringify(text));
      assert.equal(compare(text.replace(/\n/g, '\r\n')), 'fast', `CRLF: ${JSON.stringify(text)}`);
    }
    // A plain, commented layout with safe values: every one of these takes the fast path.
    for (let seed = 1; seed <= 40; seed++) {
      const text = genEvidence(seed, plainStyle).replace(/^(\s*(?:title|notes|justification): ).*$/gm, '$1说明文字');
      // An empty value followed by a comment is left to yaml on purpose (yaml widens the value's range over the comment).
      if (/:\n(\s*\n)*\s*#/.test(text)) {
        compare(text);
        continue;
      }
      assert.equal(compare(text), 'fast', JSON.stringify(text));
    }
  });

  it('takes the fast path for the evidence files `evidence-pack init` writes, in both languages', () => {
    const std = builtinStandard('gbt27922-2011')!;
    for (const lang of ['zh-CN', 'en'] as const) {
      const planned = planInit(std, 'gbt27922-2011', lang, { date: '2026-11-28' }).filter((f) => /\.evidence\.yaml$/.test(f.path));
      assert.ok(planned.length >= 3);
      for (const f of planned) assert.equal(compare(f.text), 'fast', `${lang} ${f.path}`);
    }
  });

  it('leaves everything else to yaml: escapes, anchors, tags, kept or more-indented block scalars, multi-line quoted scalars, lone CR, tabs, duplicates', () => {
    for (const text of [
      'clauses:\n  - clause: "5.1\\t"\n',
      'clauses: &a\n  - clause: x\n',
      'clauses: !!seq\n  - clause: x\n',
      'clauses:\n  - clause: x\n    notes: >\n      text\n        more indented\n',
      'clauses:\n  - clause: x\n    notes: |+\n      text\n',
      'clauses:\n  - clause: x\n    notes: "one\n      two"\n',
      'clauses:\n  - clause: x\n    notes: one\n      - two\n',
      'clauses:\r  - clause: x\r',
      'clauses:\n\t- clause: x\n',
      'clauses:\n  - clause: x\n    clause: y\n',
      '---\nclauses: []\n',
      'clauses: [[a]]\n',
      'clauses: [a, ]\n',
      'clauses:\n  - clause: x\n      # a deeper comment\n    status: partial\n',
      '',
      '# only a comment\n',
      // Found by a red-team review: an empty item after a comment (yaml's range runs past its line break),
      // and a key longer than 1024 characters (a yaml error).
      'a:\n- x\n# c\n-\n',
      'clauses:\n  - clause: "5.1"\n    evidence:\n      - kind: document\n        title: x\n      # c\n      -\n\n  - clause: "5.2"\n',
      `clauses:\n  - ${'k'.repeat(1025)}: 1\n`,
    ])
      assert.equal(compare(text), 'slow', JSON.stringify(text));
  });

  it('agrees with yaml on every YAML file in the repository, and takes the fast path for every example evidence file', () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.ya?ml$/.test(e.name)) files.push(p);
      }
    };
    for (const d of ['examples', 'test', 'schemas']) walk(path.join(REPO, d));
    assert.ok(files.length >= 10);
    const taken = files.filter((f) => compare(fs.readFileSync(f, 'utf8').replace(/^\uFEFF/, '')) === 'fast');
    // The shipped examples are written as users write evidence: every one takes the fast path.
    const examples = files.filter((f) => f.includes(`${path.sep}examples${path.sep}`) && /\.evidence\.ya?ml$/.test(f));
    assert.ok(examples.length >= 3);
    assert.deepEqual(
      examples.filter((f) => !taken.includes(f)).map((f) => path.relative(REPO, f)),
      [],
    );
  });
});

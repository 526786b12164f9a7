// SARIF and JUnit output as the tools that read them see it: SARIF validated against the official OASIS
// schema, regions pointing at the exact text; JUnit parsed back by a strict XML parser, hostile text intact.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import addFormats from 'ajv-formats';
import { Engine } from '../../src/core/engine';
import { systemClock } from '../../src/core/host';
import { CODES } from '../../src/core/rules/codes';
import { nodeFileSystem } from '../../src/node/nodeFs';
import type { Lang, PackResult } from '../../src/core/types';
import { parseArgs } from '../../src/cli/args';
import { main } from '../../src/cli/main';
import { toJunit } from '../../src/present/formats/junit';
import { toSarif } from '../../src/present/formats/sarif';
import { diagnosticLine } from '../../src/present/formats/text';
import { engineFor, memFs, TEST_KINDS, testRating } from '../unit/support/memFs';

// ---------------------------------------------------------------- fixtures shared with report.test.ts

export const REPO = path.resolve(__dirname, '../..').replace(/\\/g, '/');
export const DEMO = `${REPO}/examples/demo-pack`;

/** Every pack at or below `dir` on the real disk, checked by the real engine. */
export async function checkDisk(dir: string, lang: Lang, workspaceRoot = REPO): Promise<PackResult[]> {
  const engine = new Engine({ fs: nodeFileSystem, clock: systemClock, lang, workspaceRoot });
  const results: PackResult[] = [];
  for (const root of await engine.findPacks(dir)) results.push(await engine.checkPack(root));
  return results;
}

export const HOSTILE_TITLE = 'Tom & Jerry "quotes" \'apos\' ]]> <x> </testcase>';
export const SCRIPT_TITLE = '<script>alert(1)</script>';
export const EVIDENCE_DIR = '证据 一';
export const EVIDENCE_NAME = '售后 #1.evidence.yaml';

const HOSTILE_STANDARD = `
id: hostile-std
title: {zh-CN: "恶意 <b>标准</b>", en: "Hostile <b>standard</b> & co"}
weights: provisional
${TEST_KINDS}
${testRating({ qualified: 40, 'three-star': 80 })}
clauses:
  - id: "1"
    title: {zh-CN: "${SCRIPT_TITLE}", en: "${SCRIPT_TITLE}"}
    children:
      - {id: "1.1", title: {zh-CN: "汤姆 & 杰瑞 \\"引号\\" ]]> <x>", en: ${JSON.stringify(HOSTILE_TITLE)}}, points: 40, requires: [document]}
      - {id: "1.2", title: {zh-CN: "控制\\x01字符", en: "control\\x01char"}, points: 30, requires: [record]}
      - {id: "1.3", title: {zh-CN: 可删减, en: Excludable}, points: 10, requires: [document], excludable: true}
      - {id: "1.4", title: {zh-CN: 维修, en: Repair}, points: 20, requires: [document]}
`;

/** The broken link sits after an emoji and CJK text on its line: columns must count UTF-16 units. */
export const BROKEN_TARGET = '../gone & lost.pdf';
const HOSTILE_EVIDENCE = `clauses:
  - clause: "1.1"
    evidence:
      - {kind: document, title: "<img src=x onerror=alert(1)>", file: "../附件/a&b <c>.pdf"}
  - clause: "1.3"
    status: excluded
    justification: "Not applicable <i>at all</i>"
  - clause: "1.4"
    evidence:
      - {kind: document, title: "😀 维修记录", file: "${BROKEN_TARGET}"}
`;

export const HOSTILE_ORG = 'ACME <Corp> & "Söhne"';

/** A pack whose every text is hostile: titles with markup, a path with spaces, `#` and CJK. */
export async function checkHostile(lang: Lang): Promise<{ result: PackResult; files: Map<string, string> }> {
  const text: Record<string, string> = {
    '/ws/p/evidence-pack.yaml': `pack: 1\nstandard: ./std.yaml\norganization: {name: ${JSON.stringify(HOSTILE_ORG)}, type: production}\nassessment: {date: 2026-10-15, window_months: 12}\n`,
    '/ws/p/std.yaml': HOSTILE_STANDARD,
    [`/ws/p/${EVIDENCE_DIR}/${EVIDENCE_NAME}`]: HOSTILE_EVIDENCE,
    '/ws/p/附件/a&b <c>.pdf': '%PDF-1.4',
  };
  const result = await engineFor(memFs(text), { lang }).checkPack('/ws/p');
  return { result, files: new Map(Object.entries(text)) };
}

/** Runs the CLI in-process and collects what it prints. */
export async function runCli(argv: string[], cwd = REPO): Promise<{ code: number; out: string; err: string }> {
  let out = '',
    err = '';
  const code = await main(argv, {
    out: (s) => {
      out += s;
    },
    err: (s) => {
      err += s;
    },
    cwd,
    env: { LANG: 'C' },
  });
  return { code, out, err };
}

// ---------------------------------------------------------------- SARIF

function sarifValidator() {
  const schema = JSON.parse(fs.readFileSync(`${REPO}/test/fixtures/sarif/sarif-schema-2.1.0.json`, 'utf8')) as Record<string, unknown>;
  // The official file declares draft-04 (`$schema`, `id`); ajv 8 has no draft-04 meta-schema, and the schema
  // uses no keyword whose meaning changed since, so it is compiled as draft-07 (see the README beside it).
  const { $schema: _drop, id, ...rest } = schema;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile({ $id: id as string, ...rest });
}

interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: {
      driver: {
        name: string;
        version: string;
        informationUri: string;
        rules: {
          id: string;
          shortDescription: { text: string };
          fullDescription: { text: string };
          defaultConfiguration: { level: string };
        }[];
      };
    };
    columnKind: string;
    originalUriBaseIds: Record<string, { uri: string }>;
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string; uriBaseId: string };
          region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
        };
      }[];
    }[];
    properties: {
      packs: {
        pack: string;
        score: number | null;
        band: string | null;
        stars: number | null;
        weights: string | null;
        provisional: boolean | null;
      }[];
    };
  }[];
}

describe('check --format sarif', () => {
  const validate = sarifValidator();

  it('is valid SARIF 2.1.0 for the demo pack, one result per diagnostic, each region on the exact text', async () => {
    const results = await checkDisk(DEMO, 'en');
    const log = toSarif(results, { baseDir: DEMO, lang: 'en', toolVersion: '9.9.9' }) as SarifLog;
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'evidence-pack');
    assert.equal(run.tool.driver.version, '9.9.9');
    const pkg = JSON.parse(fs.readFileSync(`${REPO}/package.json`, 'utf8')) as { repository?: { url?: string } };
    assert.equal(
      run.tool.driver.informationUri,
      pkg.repository?.url?.replace(/^git\+/, '').replace(/\.git$/, ''),
      'the project home in package.json',
    );
    const diagnostics = results.flatMap((r) => r.diagnostics);
    assert.ok(diagnostics.length > 0);
    assert.equal(run.results.length, diagnostics.length);
    // The broken attachment link: what a reviewer sees highlighted in the pull request is the link itself.
    const broken = run.results.find((r) => r.ruleId === 'broken-link');
    assert.ok(broken, 'the demo pack has a broken link');
    const loc = broken.locations[0].physicalLocation;
    assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.equal(loc.artifactLocation.uri, '5.2-commodity.evidence.yaml');
    const line = fs.readFileSync(`${DEMO}/${loc.artifactLocation.uri}`, 'utf8').split(/\r?\n/)[loc.region.startLine - 1];
    assert.equal(loc.region.endLine, loc.region.startLine);
    assert.equal(line.slice(loc.region.startColumn - 1, loc.region.endColumn - 1), 'attachments/repair-orders-2026Q3.xlsx');
    assert.equal(broken.level, 'error');
    assert.equal(run.tool.driver.rules[broken.ruleIndex].id, 'broken-link');
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, `file://${DEMO}/`);
    // The score travels with the findings.
    const pack = run.properties.packs[0];
    const score = results[0].score!;
    assert.deepEqual(
      [pack.pack, pack.score, pack.band, pack.stars, pack.weights, pack.provisional],
      ['demo-pack', score.score, score.rating.label, score.rating.stars, 'provisional', true],
    );
  });

  it('is what `evidence-pack check DIR --format sarif` prints, with the gate on stderr and exit 1 for errors', async () => {
    const { code, out, err } = await runCli([
      'check',
      'examples/demo-pack',
      '--format',
      'sarif',
      '--lang',
      'zh-CN',
      '--min-rating',
      'four-star',
    ]);
    assert.equal(code, 1);
    const log = JSON.parse(out) as SarifLog;
    assert.ok(validate(log), JSON.stringify(validate.errors));
    assert.equal(log.runs[0].results.length, (await checkDisk(DEMO, 'zh-CN')).flatMap((r) => r.diagnostics).length);
    assert.equal(log.runs[0].properties.packs[0].band, '三星级');
    assert.match(err, /三星级 低于要求的 四星级$/m);
  });

  it('has one rule per diagnostic code, described in the chosen language, with its default level', async () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const log = toSarif([], { baseDir: '/ws', lang, toolVersion: '1.0.0' }) as SarifLog;
      assert.ok(validate(log), JSON.stringify(validate.errors));
      const rules = log.runs[0].tool.driver.rules;
      assert.deepEqual(
        rules.map((r) => r.id),
        Object.keys(CODES),
      );
      for (const rule of rules) {
        const info = CODES[rule.id as keyof typeof CODES];
        assert.equal(rule.shortDescription.text, info.description[lang]);
        assert.ok(rule.fullDescription.text.startsWith(info.description[lang]));
        assert.equal(rule.defaultConfiguration.level, { error: 'error', warning: 'warning', info: 'note' }[info.severity]);
      }
      assert.equal(log.runs[0].results.length, 0);
    }
    const zh = toSarif([], { baseDir: '/ws', lang: 'zh-CN', toolVersion: '1' }) as SarifLog;
    assert.match(zh.runs[0].tool.driver.rules.find((r) => r.id === 'broken-link')!.shortDescription.text, /链接的文件不存在/);
  });

  it('keeps a diagnostic on the built-in standard (no file on disk) valid and named as it is', async () => {
    const [demo] = await checkDisk(DEMO, 'en');
    const onBuiltin = { ...demo.diagnostics[0], file: 'builtin:gbt27922-2011', code: 'points-mismatch' as const };
    const log = toSarif([{ ...demo, diagnostics: [onBuiltin] }], { baseDir: DEMO, lang: 'en', toolVersion: '1' }) as SarifLog;
    assert.ok(validate(log), JSON.stringify(validate.errors));
    assert.equal(decodeURIComponent(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri), 'builtin:gbt27922-2011');
  });

  it('encodes paths with spaces, # and CJK as URI references and counts columns in UTF-16 units', async () => {
    const { result, files } = await checkHostile('zh-CN');
    const log = toSarif([result], { baseDir: '/ws', lang: 'zh-CN', toolVersion: '1.0.0' }) as SarifLog;
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    const run = log.runs[0];
    const levels = new Set(run.results.map((r) => r.level));
    assert.ok(levels.has('error') && levels.has('warning'), [...levels].join());
    const broken = run.results.find((r) => r.ruleId === 'broken-link')!;
    const { artifactLocation, region } = broken.locations[0].physicalLocation;
    assert.doesNotMatch(artifactLocation.uri, /[ #\u4e00-\u9fff]/);
    const rel = decodeURIComponent(artifactLocation.uri);
    assert.equal(rel, `p/${EVIDENCE_DIR}/${EVIDENCE_NAME}`);
    const line = files.get(`/ws/${rel}`)!.split('\n')[region.startLine - 1];
    assert.ok(line.includes('😀'), 'the emoji (two UTF-16 units) is before the link on its line');
    assert.ok(
      line.slice(region.startColumn - 1, region.endColumn - 1).includes(BROKEN_TARGET),
      line.slice(region.startColumn - 1, region.endColumn - 1),
    );
    assert.match(broken.message.text, /gone & lost\.pdf/);
    const pack = run.properties.packs[0];
    assert.equal(pack.pack, 'p');
    assert.equal(pack.band, '达标级');
    assert.equal(pack.stars, 0);
    assert.equal(pack.provisional, true);
  });
});

// ---------------------------------------------------------------- JUnit

interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  text: string;
}

/** Parses with sax in strict mode: any well-formedness error (an unescaped `<` or `&`, a bad
 *  character, a tag left open) throws, like the CI servers' parsers would. */
export function parseXml(xml: string): XmlNode {
  // sax has no bundled types; this is the part of its API used here.
  type SaxParser = {
    onerror: (e: Error) => void;
    onopentag: (n: { name: string; attributes: Record<string, string> }) => void;
    onclosetag: () => void;
    ontext: (t: string) => void;
    oncdata: (t: string) => void;
    write(s: string): SaxParser;
    close(): void;
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sax = require('sax') as { parser(strict: boolean, opts?: object): SaxParser };
  const parser = sax.parser(true, {});
  const root: XmlNode = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  parser.onerror = (e) => {
    throw e;
  };
  parser.onopentag = (n) => {
    const node = { name: n.name, attributes: n.attributes, children: [], text: '' };
    stack[stack.length - 1].children.push(node);
    stack.push(node);
  };
  parser.onclosetag = () => {
    stack.pop();
  };
  parser.ontext = (t) => {
    stack[stack.length - 1].text += t;
  };
  parser.oncdata = (t) => {
    stack[stack.length - 1].text += t;
  };
  parser.write(xml).close();
  assert.equal(root.children.length, 1, 'one root element');
  assertWellFormedMarkup(xml);
  return root.children[0];
}

/** What sax lets through but XML 1.0 forbids (and stricter CI parsers reject): `<` inside an attribute value,
 *  a `<` in text that starts no tag, an `&` that starts no reference. Every tag is removed by its exact
 *  grammar (double-quoted attributes without `<`); what is left is text and must hold neither. */
function assertWellFormedMarkup(xml: string): void {
  const rest = xml
    .replace(/^<\?xml[^?]*\?>/, '')
    .replace(/<[A-Za-z_][\w.-]*(?:\s+[A-Za-z_][\w.:-]*="[^"<]*")*\s*\/?>/g, '')
    .replace(/<\/[A-Za-z_][\w.-]*\s*>/g, '');
  assert.ok(!rest.includes('<'), `a "<" that is not markup: …${rest.slice(Math.max(0, rest.indexOf('<') - 40), rest.indexOf('<') + 40)}…`);
  const badAmp = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.exec(xml);
  assert.equal(badAmp, null, 'every & starts an entity or character reference');
}

describe('check --format junit', () => {
  it('gives one suite per pack and one test case per leaf; unmet leaves fail with why, excluded ones are skipped', async () => {
    const results = await checkDisk(`${REPO}/examples`, 'en');
    assert.equal(results.length, 3, 'the certifier-sheet, custom-standard and demo packs');
    const doc = parseXml(toJunit(results, { baseDir: `${REPO}/examples`, lang: 'en' }));
    assert.equal(doc.name, 'testsuites');
    assert.deepEqual(
      doc.children.map((s) => s.attributes.name),
      results.map((r) => path.basename(r.root)),
    );
    let total = 0;
    results.forEach((r, i) => {
      const suite = doc.children[i];
      const cases = suite.children.filter((c) => c.name === 'testcase');
      const clauses = r.score!.clauses;
      assert.equal(cases.length, clauses.length);
      assert.equal(Number(suite.attributes.tests), clauses.length);
      const failing = clauses.filter((c) => c.state !== 'met' && c.state !== 'excluded');
      assert.equal(Number(suite.attributes.failures), failing.length);
      assert.equal(Number(suite.attributes.skipped), clauses.filter((c) => c.state === 'excluded').length);
      clauses.forEach((c, k) => {
        const tc = cases[k];
        assert.ok(tc.attributes.name.startsWith(`${c.id} `), tc.attributes.name);
        const failure = tc.children.find((x) => x.name === 'failure');
        const skipped = tc.children.find((x) => x.name === 'skipped');
        assert.equal(!!failure, failing.includes(c), `${c.id} ${c.state}`);
        assert.equal(!!skipped, c.state === 'excluded');
        if (failure) {
          assert.equal(failure.attributes.type, c.state);
          assert.ok(failure.attributes.message.includes(`of ${c.points} points lost`), failure.attributes.message);
        }
      });
      total += clauses.length;
    });
    assert.equal(Number(doc.attributes.tests), total);
    // Demo pack: 5.2.4 has its record link broken, so it fails with the missing kind named.
    const demo = doc.children.find((s) => s.attributes.name === 'demo-pack')!;
    const repair = demo.children.find((c) => c.attributes.name?.startsWith('5.2.4 '))!;
    const failure = repair.children.find((x) => x.name === 'failure')!;
    assert.match(failure.attributes.message, /^Missing evidence; missing Record; 8 of 8 points lost$/);
    assert.match(failure.text, /5\.2-commodity\.evidence\.yaml:\d+:\d+ error broken-link/);
    assert.equal(repair.attributes.classname, 'gbt27922-2011 5.2 Commodity services');
    const score = demo.children.find((x) => x.name === 'properties')!.children.find((p) => p.attributes.name === 'score')!;
    assert.equal(Number(score.attributes.value), results.find((r) => r.root.endsWith('demo-pack'))!.score!.score);
  });

  it('is what `evidence-pack check DIR --format junit` prints', async () => {
    const { code, out } = await runCli(['check', 'examples', '--format', 'junit', '--lang', 'en']);
    assert.equal(code, 1, 'the demo pack has an error');
    const doc = parseXml(out);
    assert.deepEqual(
      doc.children.map((s) => s.attributes.name),
      ['certifier-sheet', 'custom-standard', 'demo-pack'],
    );
  });

  it('escapes hostile titles, messages and paths so a strict XML parser reads them back unchanged', async () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const { result } = await checkHostile(lang);
      const xml = toJunit([result], { baseDir: '/ws', lang });
      assert.ok(!xml.includes('\u0001'), 'a control character XML cannot carry is replaced');
      const doc = parseXml(xml);
      const suite = doc.children[0];
      assert.equal(suite.attributes.name, 'p');
      const cases = suite.children.filter((c) => c.name === 'testcase');
      assert.deepEqual(
        cases.map((c) => c.attributes.name.split(' ')[0]),
        ['1.1', '1.2', '1.3', '1.4'],
      );
      assert.equal(cases[0].attributes.name, `1.1 ${lang === 'en' ? HOSTILE_TITLE : '汤姆 & 杰瑞 "引号" ]]> <x>'}`);
      assert.equal(cases[0].attributes.classname, `hostile-std 1 ${SCRIPT_TITLE}`);
      assert.equal(cases[1].attributes.name, lang === 'en' ? '1.2 control\uFFFDchar' : '1.2 控制\uFFFD字符');
      const missing = cases[1].children.find((c) => c.name === 'failure')!;
      assert.equal(missing.attributes.type, 'missing');
      assert.equal(
        missing.attributes.message,
        lang === 'en' ? 'No entry; missing Record; 30 of 30 points lost' : '无条目；缺少记录；失 30/30 分',
      );
      const skipped = cases[2].children.find((c) => c.name === 'skipped')!;
      assert.match(skipped.attributes.message, /<i>at all<\/i>/);
      const broken = cases[3].children.find((c) => c.name === 'failure')!;
      assert.ok(broken.text.includes(`${EVIDENCE_DIR}/${EVIDENCE_NAME}:`), broken.text);
      assert.ok(broken.text.includes('gone & lost.pdf'), broken.text);
      assert.deepEqual([suite.attributes.tests, suite.attributes.failures, suite.attributes.skipped], ['4', '2', '1']);
    }
  });

  it('reports a pack that cannot be scored as an error, not as an empty suite', async () => {
    const fsys = memFs({ '/ws/bad/evidence-pack.yaml': 'pack: 1\nstandard: no-such-standard\n' });
    const result = await engineFor(fsys).checkPack('/ws/bad');
    assert.equal(result.score, undefined);
    const doc = parseXml(toJunit([result], { baseDir: '/ws', lang: 'en' }));
    const suite = doc.children[0];
    assert.equal(suite.attributes.errors, '1');
    const error = suite.children.find((c) => c.name === 'testcase')!.children.find((c) => c.name === 'error')!;
    assert.match(error.attributes.message, /no-such-standard/);
  });
});

// ---------------------------------------------------------------- the GitHub Actions example

describe('examples/ci', () => {
  const workflow = parseYaml(fs.readFileSync(`${REPO}/examples/ci/evidence-pack.yml`, 'utf8')) as {
    permissions: Record<string, string>;
    jobs: Record<string, { steps: { uses?: string; run?: string; with?: Record<string, unknown> }[] }>;
  };
  const steps = Object.values(workflow.jobs)[0].steps;

  it('checks, uploads SARIF to code scanning and gates the pull request, with commands the CLI accepts', async () => {
    assert.equal(workflow.permissions['security-events'], 'write');
    const uses = steps.map((s) => s.uses?.split('@')[0]).filter(Boolean);
    for (const action of ['actions/checkout', 'actions/setup-node', 'github/codeql-action/upload-sarif'])
      assert.ok(uses.includes(action), action);
    assert.equal(steps.find((s) => s.uses?.startsWith('actions/setup-node'))!.with!['node-version'], 20);
    const commands = steps
      .flatMap((s) => (s.run ?? '').split('\n'))
      .map((l) => /npx evidence-pack (.*?)(?:\s*>.*)?$/.exec(l.trim())?.[1])
      .filter((c): c is string => !!c);
    assert.ok(commands.length >= 4, commands.join('\n'));
    for (const command of commands) {
      const argv = command.match(/"[^"]*"|\S+/g)!.map((a) => a.replace(/^"|"$/g, ''));
      const parsed = parseArgs(argv); // throws on an option the CLI does not know
      assert.ok(['check', 'score', 'report'].includes(parsed.command!), command);
    }
    const sarifStep = steps.find((s) => s.run?.includes('--format sarif'))!;
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))!;
    assert.ok(sarifStep.run!.includes(`> ${upload.with!.sarif_file}`), 'the upload reads the file the check wrote');
    assert.ok(
      steps.some((s) => /check \. --min-rating four-star/.test(s.run ?? '')),
      'the gate',
    );
  });

  it('turns the text output into annotations: the problem matcher reads file, line, column, severity, code', async () => {
    const matcher = JSON.parse(fs.readFileSync(`${REPO}/examples/ci/evidence-pack-matcher.json`, 'utf8')) as {
      problemMatcher: {
        pattern: { regexp: string; file: number; line: number; column: number; severity: number; code: number; message: number }[];
      }[];
    };
    const pattern = matcher.problemMatcher[0].pattern[0];
    const re = new RegExp(pattern.regexp);
    const results = await checkDisk(DEMO, 'zh-CN');
    const diagnostics = results.flatMap((r) => r.diagnostics).filter((d) => d.severity !== 'info');
    assert.ok(diagnostics.length > 0);
    for (const d of diagnostics) {
      const line = diagnosticLine(d, REPO);
      const m = re.exec(line);
      assert.ok(m, line);
      assert.equal(m[pattern.file], path.relative(REPO, d.file).replace(/\\/g, '/'));
      assert.equal(Number(m[pattern.line]), d.range.start.line + 1);
      assert.equal(Number(m[pattern.column]), d.range.start.character + 1);
      assert.equal(m[pattern.severity], d.severity);
      assert.equal(m[pattern.code], d.code);
      assert.equal(m[pattern.message], d.message.replace(/\s*\n\s*/g, ' '));
    }
  });
});

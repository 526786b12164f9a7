// The command line as a user runs it: the built dist/cli.js on real folders.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LEAVES, metEntry, TEST_STANDARD } from '../unit/support/memFs';
import { COMMANDS } from '../../src/cli/help';
import { CLI as cli, REPO as repo, runCli as run } from '../support/cli';

let tmp: string;
/** A pack in a temp folder (outside any git tree, so the workspace is DIR). */
function pack(name: string, files: Record<string, string>): string {
  const dir = path.join(tmp, name);
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), text);
  }
  return dir;
}
const manifest = (extra = '') => `pack: 1\nstandard: ./std.yaml\nassessment: {date: 2026-10-15}\n${extra}`;
const evidence = (skip: string[] = []) =>
  'clauses:\n' +
  LEAVES.filter((l) => !skip.includes(l))
    .map(metEntry)
    .join('');

describe('evidence-pack CLI', function () {
  this.timeout(60000);
  before(function () {
    if (!existsSync(cli)) this.skip(); // `npm test` builds first (pretest); run `npm run build` before mocha alone
    tmp = mkdtempSync(path.join(tmpdir(), 'ep-cli-'));
  });
  after(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('score --format json on the demo pack has the keys docs/report.md lists, in order', () => {
    const r = run(['score', 'examples/demo-pack', '--format', 'json']);
    assert.equal(r.code, 0, r.err);
    const [s] = JSON.parse(r.out);
    assert.deepEqual(Object.keys(s), [
      'pack',
      'standard',
      'score',
      'rating',
      'earned',
      'applicable',
      'specialDeductions',
      'specialBonus',
      'sections',
      'clauses',
      'next',
      'prerequisites',
      'dossier',
      'diagnostics',
    ]);
    assert.equal(s.pack, 'examples/demo-pack');
    assert.deepEqual(
      [s.prerequisites, s.dossier],
      [
        { total: 5, provided: 0 },
        { total: 14, provided: 0 },
      ],
    );
    assert.deepEqual(s.standard, { id: 'gbt27922-2011', weights: 'provisional' });
    assert.equal(s.score, 82.4);
    assert.deepEqual(s.rating, { id: 'three-star', stars: 3, label: 'Three-star' });
    assert.deepEqual(Object.keys(s.sections[0]), ['id', 'earned', 'applicable']);
    assert.deepEqual(
      s.sections.map((x: { id: string }) => x.id),
      ['5.1', '5.2', '5.3'],
    );
    assert.deepEqual(Object.keys(s.clauses[0]), ['id', 'state', 'points', 'earned', 'missingKinds']);
    assert.equal(s.clauses.find((c: { id: string }) => c.id === '5.1.2.2').points, 5);
    assert.deepEqual(Object.keys(s.next), ['id', 'min', 'needed', 'suggestions']);
    assert.deepEqual(s.next, { ...s.next, id: 'four-star', min: 90, needed: 7.6 });
    assert.deepEqual(s.next.suggestions[0], { clause: '5.2.4', gain: 8.33, missingKinds: ['record'] });
    assert.deepEqual(Object.keys(s.diagnostics), ['error', 'warning', 'info']);
  });

  it('check --format json lists diagnostics with files relative to DIR and the packs', () => {
    const r = run(['check', 'examples/demo-pack', '--format', 'json']);
    assert.equal(r.code, 1); // a broken link, and the target four-star is not met
    const out = JSON.parse(r.out);
    assert.deepEqual(Object.keys(out), ['diagnostics', 'packs']);
    const broken = out.diagnostics.find((d: { code: string }) => d.code === 'broken-link');
    assert.deepEqual(Object.keys(broken), ['file', 'range', 'severity', 'code', 'message', 'clause']);
    assert.equal(broken.file, '5.2-commodity.evidence.yaml');
    assert.equal(broken.clause, '5.2.4');
    assert.equal(out.packs[0].score, 82.4);
  });

  it('prints file:line:col severity code message (1-based) and a score line', () => {
    const dir = pack('text', {
      'evidence-pack.yaml': manifest(),
      'std.yaml': TEST_STANDARD,
      'a.evidence.yaml': evidence(['2.5']) + '  - clause: "2.5"\n    evidence: [{kind: photo, title: p}]\n',
    });
    const r = run(['check', '.'], { cwd: dir });
    assert.equal(r.code, 1);
    const lines = r.out.split('\n');
    assert.ok(
      lines.includes(
        'a.evidence.yaml:30:23 error unknown-kind Unknown evidence kind "photo"; use one of: document (Document), record (Record)',
      ),
      r.out,
    );
    assert.ok(
      lines.some((l) => /^text {2}★★★★ 90\.0 Four-star {2}— 1 error, 1 warning, 0 info$/.test(l)),
      r.out,
    ); // named by its folder, never '.'
  });

  describe('exit codes', () => {
    it('0 for a clean pack', () => {
      const dir = pack('clean', { 'evidence-pack.yaml': manifest(), 'std.yaml': TEST_STANDARD, 'a.evidence.yaml': evidence() });
      assert.equal(run(['check', dir]).code, 0);
    });
    it('1 when the rating is below --min-rating, 0 when it meets it', () => {
      const dir = pack('ninety', { 'evidence-pack.yaml': manifest(), 'std.yaml': TEST_STANDARD, 'a.evidence.yaml': evidence(['2.5']) });
      assert.equal(run(['check', dir, '--min-rating', 'four-star']).code, 0);
      const r = run(['check', dir, '--min-rating', 'five-star']);
      assert.equal(r.code, 1);
      assert.match(r.out, /rating Four-star is below the required Five-star$/m);
    });
    it("1 when the manifest's target is not reached (the default gate)", () => {
      const dir = pack('target', {
        'evidence-pack.yaml': manifest('target: five-star\n'),
        'std.yaml': TEST_STANDARD,
        'a.evidence.yaml': evidence(['2.5']),
      });
      assert.equal(run(['check', dir]).code, 1);
      assert.equal(run(['check', dir, '--min-rating', 'qualified']).code, 0);
    });
    it('2 for usage errors: unknown option, unknown band, bad --lang, unknown command', () => {
      const dir = pack('usage', { 'evidence-pack.yaml': manifest(), 'std.yaml': TEST_STANDARD });
      for (const args of [
        ['check', dir, '--frobnicate'],
        ['check', dir, '--min-rating', 'platinum'],
        ['check', dir, '--lang', 'fr'],
        ['explode'],
      ]) {
        const r = run(args);
        assert.equal(r.code, 2, args.join(' '));
        assert.match(r.err, /^evidence-pack: /);
        assert.doesNotMatch(r.err, /at .*\.js:\d+/); // never a stack trace
      }
    });
    it("usage errors and help speak the user's language", () => {
      const zh = run(['check', '.', '--frobnicate', '--lang', 'zh-CN']);
      assert.equal(zh.code, 2);
      assert.equal(zh.err, 'evidence-pack: 未知选项 --frobnicate\n（evidence-pack help）\n');
      assert.match(run(['report', 'examples/demo-pack'], { env: { LANG: 'zh_CN.UTF-8' } }).err, /report 需要 --out/);
      assert.match(run(['--help'], { env: { LANG: 'zh_CN.UTF-8' } }).out, /^evidence-pack [\d.]+ — 检查证据包并评分/);
      assert.match(run(['--help']).out, /^evidence-pack [\d.]+ — validate and score audit evidence packs/);
      assert.equal(run(['--help']).code, 0);
      assert.equal(run([]).code, 2); // no command at all is a usage error
    });
    it('the gate takes a band by id or label, and never switches itself off on a typo', () => {
      // 90 points: four-star. A target of five-star by its label fails the gate; a typo fails it too.
      const files = (target: string) => ({
        'evidence-pack.yaml': manifest(`target: ${target}\n`),
        'std.yaml': TEST_STANDARD,
        'a.evidence.yaml': evidence(['2.5']),
      });
      const zh = run(['check', pack('gate-zh', files('五星级')), '--lang', 'zh-CN']);
      assert.equal(zh.code, 1);
      assert.match(zh.out, /评级 四星级 低于要求的 五星级/);
      assert.equal(run(['check', pack('gate-zh-short', files('四星'))]).code, 0);
      const typo = run(['check', pack('gate-typo', files('3star'))]);
      assert.equal(typo.code, 1, 'a typo in target is an error, not a gate switched off');
      assert.match(
        typo.out,
        /evidence-pack\.yaml:4:9 error manifest-invalid target: "3star" is not a rating band of the standard; write one of Qualified, Three-star, Four-star, Five-star/,
      );
      const dir = pack('gate-flag', files('four-star'));
      assert.equal(run(['check', dir, '--min-rating', 'Four-star']).code, 0);
      assert.equal(run(['check', dir, '--min-rating', '五星级']).code, 1);
      const bad = run(['check', dir, '--min-rating', '3star', '--lang', 'zh-CN']);
      assert.equal(bad.code, 2);
      assert.match(bad.err, /--min-rating：“3star”不是评级；可写 达标级、三星级、四星级、五星级/);
    });
    it('a standard with YAML anchors and aliases is read (no TypeError, nothing left unchecked)', () => {
      const std = TEST_STANDARD.replace('requires: [document]}', 'requires: &docs [document]}').replace(
        /requires: \[document\]\}/g,
        'requires: *docs}',
      );
      assert.ok((std.match(/\*docs/g) ?? []).length > 3);
      const r = run(['check', pack('aliases', { 'evidence-pack.yaml': manifest(), 'std.yaml': std, 'a.evidence.yaml': evidence() })]);
      assert.equal(r.err, '');
      assert.equal(r.code, 0, r.out);
      assert.match(r.out, /100\.0/);
    });
    it('2 when nothing readable is there', () => {
      const empty = path.join(tmp, 'empty');
      mkdirSync(empty, { recursive: true });
      const r = run(['check', empty]);
      assert.equal(r.code, 2);
      assert.match(r.err, /no evidence-pack\.yaml found/);
      assert.equal(run(['check', path.join(tmp, 'does-not-exist')]).code, 2);
    });
  });

  it('speaks zh-CN with --lang or a zh LANG', () => {
    const a = run(['score', 'examples/demo-pack', '--lang', 'zh-CN']);
    assert.match(a.out, /★★★ 82\.4 三星级（暂定权重）/);
    assert.match(a.out, /\+2\.08 5\.1\.7 服务文化 — 缺少：文件、访谈/);
    const b = run(['check', 'examples/demo-pack'], { env: { LANG: 'zh_CN.UTF-8' } });
    assert.match(b.out, /broken-link 找不到文件：attachments\/repair-orders-2026Q3\.xlsx/);
  });

  it('ends quietly when its reader stops early (| head), never with a stack trace', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${cli}" score examples --lang en | head -1`], { cwd: repo, encoding: 'utf8' });
    assert.match(r.stdout, /^examples\/certifier-sheet /);
    assert.equal(r.stderr, '');
  });

  it('writes all of a long output to a reader that is slow to read (more than a pipe holds), byte for byte', async () => {
    // 1,000 unknown clauses: one diagnostic each, far more output than a pipe buffer (64 KiB) holds (and less than
    // the 1 MiB spawnSync keeps).
    const unknown = Array.from({ length: 1000 }, (_, i) => `  - clause: "9.${i}"\n    evidence: [{kind: document, title: d}]\n`).join('');
    const dir = pack('long-output', {
      'evidence-pack.yaml': manifest(),
      'std.yaml': TEST_STANDARD,
      'a.evidence.yaml': evidence() + unknown,
    });
    const args = [cli, 'check', dir, '--format', 'json'];
    const expected = run(args.slice(1)).out;
    assert.ok(Buffer.byteLength(expected) > 4 * 65536, `the output (${Buffer.byteLength(expected)} bytes) is longer than a pipe buffer`);
    const child = spawn(process.execPath, args, { cwd: repo, env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8' } });
    const closed = new Promise((r) => child.on('close', r)); // listening from the start: no exit can be missed
    child.stdout.pause(); // the pipe fills: the CLI's writes block or are refused (EAGAIN) until we read
    await new Promise((r) => setTimeout(r, 300));
    const chunks: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => chunks.push(d));
    child.stdout.resume();
    assert.equal(await closed, 1);
    assert.equal(Buffer.concat(chunks).toString('utf8'), expected);
    assert.equal(JSON.parse(expected).diagnostics.filter((d: { code: string }) => d.code === 'unknown-clause').length, 1000);
  });

  it('a plain check loads none of the Node modules only other commands need (they cost a cold start its speed)', () => {
    // Each of these once sat on the start-up path of every `check`: worker_threads (~a tenth of a cold check),
    // child_process (git, for --diff), crypto (bundle/verify), the stream machinery process.stdout loads, and
    // fs.promises with the readline and file-handle modules it loads (the callback API does the same reads).
    const probe = path.join(tmp, 'modules-probe.cjs');
    writeFileSync(
      probe,
      "process.on('exit', () => require('fs').writeFileSync(process.env.EP_MODULES_OUT, process.moduleLoadList.join('\\n')));\n",
    );
    const out = path.join(tmp, 'modules.txt');
    const r = spawnSync(process.execPath, ['-r', probe, cli, 'check', 'examples/demo-pack'], {
      cwd: repo,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, EP_MODULES_OUT: out },
    });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /broken-link/);
    const loaded = readFileSync(out, 'utf8')
      .split('\n')
      .map((l) => l.replace(/^NativeModule /, ''));
    assert.deepEqual(
      ['worker_threads', 'child_process', 'crypto', 'stream', 'net', 'tty', 'internal/fs/promises', 'internal/readline/interface'].filter(
        (m) => loaded.includes(m),
      ),
      [],
    );
  });

  it('the summary line the README shows for the demo is what score prints, in both languages', () => {
    // It said "1 info" for months after the dossier summaries made it 3: nothing compared the two.
    for (const [readme, lang] of [
      ['README.md', 'en'],
      ['README.zh-CN.md', 'zh-CN'],
    ]) {
      const shown = readFileSync(path.join(repo, readme), 'utf8')
        .split('\n')
        .find((l) => l.startsWith('examples/demo-pack  ★'));
      assert.ok(shown, `${readme} shows the demo's summary line`);
      assert.ok(run(['score', 'examples/demo-pack', '--lang', lang]).out.split('\n').includes(shown), `${readme}: ${shown}`);
    }
  });

  it('checks every pack below a folder', () => {
    const r = run(['score', 'examples', '--format', 'json']);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(
      JSON.parse(r.out).map((p: { pack: string }) => p.pack),
      ['examples/certifier-sheet', 'examples/custom-standard', 'examples/demo-pack'],
    );
  });

  it('--root sets the workspace boundary for outside-workspace', () => {
    const parent = path.join(tmp, 'rooted');
    const dir = pack('rooted/p', {
      'evidence-pack.yaml': manifest(),
      'std.yaml': TEST_STANDARD,
      'a.evidence.yaml': evidence(['2.5']) + '  - clause: "2.5"\n    evidence: [{kind: document, title: d, file: ../shared.pdf}]\n',
    });
    writeFileSync(path.join(parent, 'shared.pdf'), '%PDF');
    assert.match(run(['check', dir, '--format', 'json']).out, /"outside-workspace"/);
    const ok = run(['check', dir, '--root', parent, '--format', 'json']);
    assert.equal(ok.code, 0, ok.out);
  });

  it('keeps a code cache in the user cache folder and gives the same answers with it, without it, or with a damaged one', () => {
    const home = path.join(tmp, 'cache-home');
    const env = { XDG_CACHE_HOME: home };
    const dir = path.join(home, 'evidence-pack');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'cli-v0.0.0-x64-1-1-score.bin'), 'a cache of an older install');
    const first = run(['score', 'examples/demo-pack', '--format', 'json'], { env });
    assert.equal(first.code, 0, first.err);
    const caches = readdirSync(dir);
    assert.equal(caches.length, 1, `only this install's cache is kept: ${caches.join(', ')}`);
    assert.match(caches[0], /-score\.bin$/);
    const cached = run(['score', 'examples/demo-pack', '--format', 'json'], { env });
    assert.deepEqual([cached.code, cached.out, cached.err], [0, first.out, '']);
    writeFileSync(path.join(dir, caches[0]), 'not bytecode');
    const damaged = run(['score', 'examples/demo-pack', '--format', 'json'], { env });
    assert.deepEqual([damaged.code, damaged.out, damaged.err], [0, first.out, '']);
    assert.notEqual(readFileSync(path.join(dir, caches[0]), 'utf8'), 'not bytecode', 'a refused cache is written again');
    writeFileSync(path.join(tmp, 'cache-file'), ''); // a file where the cache folder should be: no cache, same answer
    const noCache = run(['score', 'examples/demo-pack', '--format', 'json'], { env: { XDG_CACHE_HOME: path.join(tmp, 'cache-file') } });
    assert.deepEqual([noCache.code, noCache.out, noCache.err], [0, first.out, '']);
  });

  it('keeps one code cache per command: a help or an init run first does not leave check without its compiled code', () => {
    const home = path.join(tmp, 'cache-per-command');
    const env = { XDG_CACHE_HOME: home };
    assert.equal(run(['help'], { env }).code, 0);
    const check = run(['check', 'examples/demo-pack', '--format', 'json'], { env });
    assert.equal(run(['--version'], { env }).code, 0);
    const files = readdirSync(path.join(home, 'evidence-pack')).map((f) => f.replace(/^cli-.*-(\w+)\.bin$/, '$1'));
    assert.deepEqual(files.sort(), ['check', 'help', 'other']);
    const again = run(['check', 'examples/demo-pack', '--format', 'json'], { env });
    assert.deepEqual([again.code, again.out], [check.code, check.out]);
    // The launcher's list of commands is the CLI's (a new command would otherwise share the "other" cache).
    const launcher = readFileSync(path.join(repo, 'scripts', 'cli-launcher.cjs'), 'utf8');
    const listed = /const COMMANDS = \[([^\]]*)\]/
      .exec(launcher)?.[1]
      .match(/'(\w+)'/g)
      ?.map((w) => w.slice(1, -1));
    assert.deepEqual(listed?.sort(), Object.keys(COMMANDS).sort());
  });

  it('the workspace is the git work tree above DIR (a .git folder, or the .git file of a linked worktree)', () => {
    for (const [name, makeGit] of [
      ['repo', (top: string) => mkdirSync(path.join(top, '.git'))],
      ['worktree', (top: string) => writeFileSync(path.join(top, '.git'), 'gitdir: /elsewhere/.git/worktrees/x\n')],
    ] as const) {
      const top = path.join(tmp, `git-${name}`);
      const dir = pack(`git-${name}/packs/p`, {
        'evidence-pack.yaml': manifest(),
        'std.yaml': TEST_STANDARD,
        'a.evidence.yaml': evidence(['2.5']) + '  - clause: "2.5"\n    evidence: [{kind: document, title: d, file: ../../shared.pdf}]\n',
      });
      writeFileSync(path.join(top, 'shared.pdf'), '%PDF');
      assert.match(run(['check', dir, '--format', 'json']).out, /"outside-workspace"/, `${name}: no .git yet`);
      makeGit(top);
      const ok = run(['check', dir, '--format', 'json']);
      assert.equal(ok.code, 0, `${name}: ${ok.out}`);
    }
  });

  describe('init', () => {
    it('creates a manifest and one evidence file per top-level clause that check can read', () => {
      const dir = path.join(tmp, 'new-pack');
      const r = run(['init', dir, '--lang', 'zh-CN']);
      assert.equal(r.code, 0, r.err);
      const files = ['evidence-pack.yaml', '5.1-after-sales-service-system.evidence.yaml'];
      for (const f of files) assert.ok(existsSync(path.join(dir, f)), f);
      const text = readFileSync(path.join(dir, '5.1-after-sales-service-system.evidence.yaml'), 'utf8');
      assert.match(text, /- clause: "5\.1\.2\.2"/);
      assert.match(text, /# 需要：文件、记录/);
      const check = JSON.parse(run(['check', dir, '--format', 'json']).out);
      assert.equal(check.diagnostics.filter((d: { severity: string }) => d.severity === 'error').length, 0);
      assert.equal(check.packs[0].clauses.filter((c: { state: string }) => c.state === 'missing').length, 0);
      // The prerequisites and dossier items get a file of their own, each named and explained.
      const dossier = readFileSync(path.join(dir, 'dossier.evidence.yaml'), 'utf8');
      assert.match(
        dossier,
        /# 营业执照 · Business licence\n {2}# 营业执照副本复印件，在有效期内。\n {2}- clause: dossier\.business-licence\n/,
      );
      assert.match(dossier, /- clause: prerequisite\.certified-manager\n/);
      assert.deepEqual(
        [check.packs[0].prerequisites, check.packs[0].dossier],
        [
          { total: 5, provided: 0 },
          { total: 14, provided: 0 },
        ],
      );
    });
    it('takes the organisation, its type, the target band (id or label) and the assessment date', () => {
      const dir = path.join(tmp, 'answered');
      const r = run([
        'init',
        dir,
        '--lang',
        'zh-CN',
        '--org',
        '海川家电有限公司',
        '--type',
        '销售服务型',
        '--target',
        '四星级',
        '--date',
        '2026-10-15',
      ]);
      assert.equal(r.code, 0, r.err);
      const text = readFileSync(path.join(dir, 'evidence-pack.yaml'), 'utf8');
      assert.match(text, /^organization: \{name: "海川家电有限公司", type: sales-service\}/m);
      assert.match(text, /^assessment: \{date: 2026-10-15, window_months: 12\}$/m);
      assert.match(text, /^target: four-star {2}# 四星级$/m);
      const check = JSON.parse(run(['check', dir, '--format', 'json']).out);
      assert.deepEqual(
        check.diagnostics
          .filter((d: { file: string }) => d.file === 'evidence-pack.yaml')
          .map((d: { code: string }) => d.code)
          .filter((c: string) => !['missing-clause', 'missing-prerequisite', 'missing-dossier-item'].includes(c)),
        [],
      );
    });
    it('without --org the placeholder it writes is a warning on that value until it is replaced', () => {
      const dir = path.join(tmp, '新客户');
      assert.equal(run(['init', dir, '--lang', 'zh-CN']).code, 0);
      const r = run(['check', dir], { env: { LANG: 'zh_CN.UTF-8' } });
      const line = r.out.split('\n').find((l) => / placeholder-organization /.test(l));
      assert.ok(line, r.out);
      const manifestText = readFileSync(path.join(dir, 'evidence-pack.yaml'), 'utf8').split('\n');
      const [, row, col] = /evidence-pack\.yaml:(\d+):(\d+) warning/.exec(line)!;
      assert.equal(manifestText[Number(row) - 1].slice(Number(col) - 1).startsWith('"公司名称"'), true, line);
      assert.match(line, /受评组织仍是占位名称“公司名称”/);
      writeFileSync(path.join(dir, 'evidence-pack.yaml'), manifestText.join('\n').replace('"公司名称"', '"新客户有限公司"'));
      assert.doesNotMatch(run(['check', dir]).out, /placeholder-organization/);
    });
    it("refuses a --type, --target or --date it cannot use, in the user's language, writing nothing", () => {
      const dir = path.join(tmp, 'refused');
      const cases: [string[], RegExp, RegExp][] = [
        [
          ['--type', 'shop'],
          /--type must be production \(Production enterprise\) or sales-service \(Sales and service enterprise\), not "shop"/,
          /--type 只能是 production（生产型企业）或 sales-service（销售服务型企业），不能是“shop”/,
        ],
        [
          ['--target', '3star'],
          /--target: "3star" is not a band of gbt27922-2011; use one of: qualified \(Qualified\), three-star \(Three-star\), four-star \(Four-star\), five-star \(Five-star\)/,
          /--target：“3star”不是 gbt27922-2011 的评级；可用：qualified（达标级）|qualified \(达标级\)/,
        ],
        [
          ['--date', '2026-02-30'],
          /--date must be a calendar date written YYYY-MM-DD \(e\.g\. 2026-10-15\), not "2026-02-30"/,
          /--date 必须是 YYYY-MM-DD 格式的有效日期/,
        ],
      ];
      for (const [flags, en, zh] of cases) {
        const r = run(['init', dir, ...flags]);
        assert.equal(r.code, 2, flags.join(' '));
        assert.match(r.err, en);
        assert.match(r.err, /\(evidence-pack help init\)/);
        assert.match(run(['init', dir, ...flags], { env: { LANG: 'zh_CN.UTF-8' } }).err, zh);
      }
      assert.equal(existsSync(dir), false);
    });
    it('never writes through a symbolic link, even a dangling one, even with --force', () => {
      const dir = path.join(tmp, 'linked');
      mkdirSync(dir, { recursive: true });
      const target = path.join(tmp, 'outside-target.yaml');
      symlinkSync(target, path.join(dir, 'evidence-pack.yaml'));
      for (const args of [
        ['init', dir],
        ['init', dir, '--force'],
      ]) {
        const r = run(args);
        assert.equal(r.code, 1, args.join(' '));
        assert.match(r.err, /will not write through symbolic links: evidence-pack\.yaml/);
      }
      assert.equal(existsSync(target), false);
    });
    it('never overwrites existing files unless --force is given', () => {
      const dir = path.join(tmp, 'keep');
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'evidence-pack.yaml'), '# mine\n');
      const r = run(['init', dir]);
      assert.equal(r.code, 1);
      assert.match(r.err, /will not overwrite existing files: evidence-pack\.yaml/);
      assert.equal(readFileSync(path.join(dir, 'evidence-pack.yaml'), 'utf8'), '# mine\n');
      assert.equal(run(['init', dir, '--force']).code, 0);
      assert.match(readFileSync(path.join(dir, 'evidence-pack.yaml'), 'utf8'), /standard: gbt27922-2011/);
    });
  });

  it('worker threads (packs above 200 files) give byte-identical results to one thread', () => {
    const files: Record<string, string> = { 'evidence-pack.yaml': manifest(), 'std.yaml': TEST_STANDARD };
    for (let i = 0; i < 260; i++) {
      const id = LEAVES[i % LEAVES.length];
      // Every file has an anchor, which the YAML fast path leaves to yaml: only such files go to the
      // workers (the others are analysed on the main thread), and past 200 of them the workers start.
      files[`f${String(i).padStart(3, '0')}.evidence.yaml`] =
        `# 第 ${i} 号\n` +
        (i % 37 === 5
          ? `clauses: &c\n  - clause: "${id}"\n    evidence: [{kind: photo, title: "第 ${i} 号", file: missing-${i}.pdf}]\n`
          : 'clauses: &c\n' + metEntry(id));
    }
    const dir = pack('many', files);
    const threads = run(['check', dir, '--format', 'json']);
    const single = run(['check', dir, '--format', 'json'], { env: { EVIDENCE_PACK_THREADS: '1' } });
    assert.equal(threads.code, 1);
    assert.equal(threads.out, single.out);
    assert.equal(JSON.parse(threads.out).diagnostics.filter((d: { code: string }) => d.code === 'unknown-kind').length, 7);
  });

  it('the demo pack copied elsewhere scores the same', () => {
    const dir = path.join(tmp, 'copy');
    cpSync(path.join(repo, 'examples/demo-pack'), dir, { recursive: true });
    const [s] = JSON.parse(run(['score', dir, '--format', 'json']).out);
    assert.equal(s.score, 82.4);
  });
});

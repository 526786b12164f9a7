// `score --diff REV` on a real git repository built in the test: the demo pack is committed, then a pull
// request's worth of changes is made in the working tree, and the diff must say what changed and why.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DiffError, scoreDiff } from '../../src/cli/diff';
import { main } from '../../src/cli/main';
import { Engine } from '../../src/core/engine';
import { systemClock } from '../../src/core/host';
import { nodeFileSystem } from '../../src/node/nodeFs';
import type { Lang, PackResult } from '../../src/core/types';

const REPO = path.resolve(__dirname, '../..');

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** What `evidence-pack score` does for a folder: every pack below it, checked on the real disk. */
function checkerFor(lang: Lang) {
  return async (dir: string, workspaceRoot: string): Promise<PackResult[]> => {
    const engine = new Engine({ fs: nodeFileSystem, clock: systemClock, lang, workspaceRoot });
    const out: PackResult[] = [];
    for (const root of await engine.findPacks(dir)) out.push(await engine.checkPack(root));
    return out;
  };
}

const fwd = (p: string) => p.replace(/\\/g, '/');

describe('score --diff REV', function () {
  this.timeout(60_000);
  let tmp: string;
  let repo: string;
  let pack: string;
  let committed: PackResult;

  before(async () => {
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'evidence-pack-diff-test-')));
    repo = path.join(tmp, 'audit repo');
    pack = path.join(repo, 'packs', 'demo');
    fs.mkdirSync(path.dirname(pack), { recursive: true });
    fs.cpSync(path.join(REPO, 'examples', 'demo-pack'), pack, { recursive: true });
    // A 2 MiB scanned attachment: read from git as a placeholder of the same size, it must still count.
    fs.writeFileSync(path.join(pack, 'attachments', 'scan.pdf'), Buffer.alloc(2 * 1024 * 1024, 7));
    fs.writeFileSync(
      path.join(pack, 'scan.evidence.yaml'),
      'clauses:\n  - clause: "5.1.1.1"\n    evidence:\n      - {kind: document, title: 扫描件, file: attachments/scan.pdf}\n',
    );
    git(tmp, 'init', '-q', repo);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'demo pack as submitted');
    [committed] = await checkerFor('en')(fwd(pack), fwd(repo));

    // The pull request: the missing repair work orders are added, and the complaint records are taken out.
    fs.writeFileSync(path.join(pack, 'attachments', 'repair-orders-2026Q3.xlsx'), 'work orders');
    const md = path.join(pack, '5.3-customer.evidence.md');
    fs.writeFileSync(
      md,
      fs
        .readFileSync(md, 'utf8')
        .split('\n')
        .filter((l) => !l.startsWith('- 记录：[投诉台账') && !l.startsWith('- record: [8 月'))
        .join('\n'),
    );
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('compares the working tree with HEAD: score, band, and the clauses that changed, in standard order', async () => {
    const [diff, ...rest] = await scoreDiff({ dir: pack, rev: 'HEAD', lang: 'en', check: checkerFor('en') });
    assert.equal(rest.length, 0);
    assert.equal(diff.pack, 'demo', 'the pack is named by its folder when DIR is the pack');
    const before = diff.before!,
      after = diff.after!;
    // The old side is the pack exactly as committed (the big attachment included).
    assert.equal(before.score, committed.score!.score);
    assert.deepEqual(before.diagnostics, committed.score!.diagnostics);
    assert.equal(before.clauses.find((c) => c.id === '5.2.4')!.state, 'incomplete');
    assert.equal(after.clauses.find((c) => c.id === '5.2.4')!.state, 'met');
    assert.equal(after.clauses.find((c) => c.id === '5.3.2')!.state, 'incomplete');
    const delta = after.score - before.score;
    const sign = delta > 0 ? '+' : delta < 0 ? '-' : '±';
    assert.equal(
      diff.text,
      `${before.score.toFixed(1)} → ${after.score.toFixed(1)} (${before.rating.label} → ${after.rating.label}), ` +
        `${sign}${Math.abs(delta).toFixed(1)}: 5.2.4 met, 5.3.2 missing evidence`,
    );
  });

  it('is what `evidence-pack score DIR --diff REV` prints, one line per pack, also as JSON', async () => {
    let out = '';
    const io = {
      out: (s: string) => {
        out += s;
      },
      err: () => {},
      cwd: repo,
      env: { LANG: 'zh_CN.UTF-8' },
    };
    assert.equal(await main(['score', 'packs', '--diff', 'HEAD'], io), 0);
    assert.match(out, /^demo: \d+\.\d → \d+\.\d（.+），[+\-±]\d+\.\d：5\.2\.4 符合，5\.3\.2 缺少证据\n$/);
    out = '';
    assert.equal(await main(['score', 'packs', '--diff', 'HEAD', '--format', 'json', '--lang', 'en'], io), 0);
    const json = JSON.parse(out) as { pack: string; before: { score: number }; after: { score: number }; text: string }[];
    assert.equal(json.length, 1);
    assert.equal(json[0].pack, 'demo');
    assert.equal(json[0].before.score, committed.score!.score);
    assert.ok(json[0].text.endsWith(': 5.2.4 met, 5.3.2 missing evidence'));
    assert.equal(await main(['score', 'packs', '--diff', 'no-such-rev'], io), 2);
  });

  it('says it in Chinese with --lang zh-CN', async () => {
    const [diff] = await scoreDiff({ dir: pack, rev: 'HEAD', lang: 'zh-CN', check: checkerFor('zh-CN') });
    assert.match(diff.text, /^\d+\.\d → \d+\.\d（[^（）]+ → [^（）]+），[+\-±]\d+\.\d：5\.2\.4 符合，5\.3\.2 缺少证据$/);
    assert.ok(diff.text.includes(diff.after!.rating.label));
  });

  it('names packs from the folder given, shows a new pack, and an unchanged pack as unchanged', async () => {
    const other = path.join(repo, 'packs', 'custom');
    fs.cpSync(path.join(REPO, 'examples', 'custom-standard'), other, { recursive: true });
    try {
      const diffs = await scoreDiff({ dir: path.join(repo, 'packs'), rev: 'HEAD', lang: 'en', check: checkerFor('en') });
      assert.deepEqual(
        diffs.map((d) => d.pack),
        ['custom', 'demo'],
      );
      const custom = diffs[0];
      assert.equal(custom.before, undefined);
      assert.match(custom.text, /^— → \d+\.\d \(— → [^)]+\), new pack$/);
      // Once committed, the working tree equals HEAD: nothing changed.
      git(repo, 'add', '-A');
      git(repo, 'commit', '-q', '-m', 'second pack and the fixes');
      const again = await scoreDiff({ dir: path.join(repo, 'packs'), rev: 'HEAD', lang: 'en', check: checkerFor('en') });
      for (const d of again) assert.match(d.text, /, ±0\.0: no clause changed$/, d.text);
      // And the first commit, named by a relative revision, still shows the fixes.
      const old = await scoreDiff({ dir: path.join(repo, 'packs'), rev: 'HEAD~1', lang: 'en', check: checkerFor('en') });
      assert.ok(old.find((d) => d.pack === 'demo')!.text.endsWith(': 5.2.4 met, 5.3.2 missing evidence'));
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it('explains a revision that does not exist and a folder outside git', async () => {
    await assert.rejects(
      scoreDiff({ dir: pack, rev: 'no-such-branch', lang: 'en', check: checkerFor('en') }),
      (e: Error) => e instanceof DiffError && /Unknown git revision "no-such-branch"/.test(e.message),
    );
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'evidence-pack-nogit-'));
    try {
      await assert.rejects(
        scoreDiff({ dir: outside, rev: 'HEAD', lang: 'zh-CN', check: checkerFor('zh-CN') }),
        (e: Error) => e instanceof DiffError && /不在 git 工作区内/.test(e.message),
      );
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('leaves the repository as it was: no worktree, no stash, no temporary folder', async () => {
    const status = git(repo, 'status', '--porcelain');
    // A private temporary folder, so that other test runs on the machine cannot interfere.
    const privateTmp = path.join(tmp, 'tmpdir');
    fs.mkdirSync(privateTmp);
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = privateTmp;
    try {
      await scoreDiff({ dir: pack, rev: 'HEAD', lang: 'en', check: checkerFor('en') });
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
    assert.deepEqual(fs.readdirSync(privateTmp), []);
    assert.equal(git(repo, 'status', '--porcelain'), status);
    assert.equal(git(repo, 'worktree', 'list').trim().split('\n').length, 1);
    assert.equal(git(repo, 'stash', 'list'), '');
  });
});

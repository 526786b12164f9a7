// Finding one's way on the command line: help, "did you mean", a pack named by its manifest or from inside it.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { COMMANDS, didYouMean } from '../../src/cli/help';
import { CLI as cli, REPO as repo, runCli as run } from '../support/cli';

const ZH = { LANG: 'zh_CN.UTF-8' };

describe('evidence-pack help and usage', function () {
  this.timeout(60000);
  let tmp: string;
  before(function () {
    if (!existsSync(cli)) this.skip(); // `npm test` builds first (pretest); run `npm run build` before mocha alone
    tmp = mkdtempSync(path.join(tmpdir(), 'ep-usage-'));
  });
  after(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('`help` lists every command with what it does, in en and zh-CN, on stdout with exit 0', () => {
    const en = run(['help']);
    assert.equal(en.code, 0, en.err);
    const zh = run(['help'], { env: ZH });
    assert.equal(zh.code, 0, zh.err);
    for (const name of Object.keys(COMMANDS)) {
      assert.match(en.out, new RegExp(`^  ${name} +\\S`, 'm'), `${name} in the en overview`);
      assert.match(zh.out, new RegExp(`^  ${name} +\\S`, 'm'), `${name} in the zh-CN overview`);
    }
    assert.match(en.out, /^ {2}init +start a new pack/m);
    assert.match(zh.out, /^ {2}init +新建证据包/m);
    assert.equal(run(['--help']).out, en.out);
  });

  it("`help COMMAND` and `COMMAND --help` print that command's options", () => {
    const h = run(['help', 'init']);
    assert.equal(h.code, 0, h.err);
    assert.match(h.out, /^Usage: evidence-pack init \[DIR\]/);
    for (const flag of ['--org', '--type', '--target', '--date', '--standard', '--lang', '--force'])
      assert.match(h.out, new RegExp(`^ {2}${flag}\\b`, 'm'), flag);
    assert.equal(run(['init', '--help']).out, h.out);
    const zh = run(['help', 'check'], { env: ZH });
    assert.match(zh.out, /^用法：evidence-pack check \[目录\]/);
    assert.match(zh.out, /^ {2}--min-rating 评级 +最低通过评级/m);
    assert.doesNotMatch(zh.out, /language of messages/);
  });

  it('a mistyped command gets "did you mean", in the user\'s language (exit 2)', () => {
    const en = run(['chek', 'examples/demo-pack']);
    assert.equal(en.code, 2);
    assert.equal(en.err, 'evidence-pack: unknown command "chek"; did you mean check?\n(evidence-pack help)\n');
    const zh = run(['scroe'], { env: ZH });
    assert.equal(zh.code, 2);
    assert.equal(zh.err, 'evidence-pack: 未知命令“scroe”；您是想输入 score 吗？\n（evidence-pack help）\n');
    assert.equal(run(['help', 'reprot']).err, 'evidence-pack: unknown command "reprot"; did you mean report?\n(evidence-pack help)\n');
    // nothing close: no guess
    assert.equal(run(['explode']).err, 'evidence-pack: unknown command "explode"\n(evidence-pack help)\n');
  });

  it('a mistyped option gets "did you mean" too', () => {
    const en = run(['check', 'examples/demo-pack', '--formt', 'json']);
    assert.equal(en.code, 2);
    assert.equal(en.err, 'evidence-pack: unknown option --formt; did you mean --format?\n(evidence-pack help)\n');
    assert.match(run(['check', '--min-ratng=four-star']).err, /unknown option --min-ratng=four-star; did you mean --min-rating\?/);
    assert.match(run(['check', '--min', 'four-star']).err, /unknown option --min; did you mean --min-rating\?/);
    assert.match(run(['init', '--ogr', 'x'], { env: ZH }).err, /^evidence-pack: 未知选项 --ogr；您是想输入 --org 吗？\n/);
    assert.equal(run(['check', '--frobnicate']).err, 'evidence-pack: unknown option --frobnicate\n(evidence-pack help)\n');
  });

  it('did-you-mean only guesses what is a plausible typo', () => {
    const commands = Object.keys(COMMANDS);
    assert.equal(didYouMean('chekc', commands), 'check'); // two letters swapped
    assert.equal(didYouMean('scor', commands), 'score');
    assert.equal(didYouMean('x', commands), undefined);
    assert.equal(didYouMean('deploy', commands), undefined);
    assert.equal(didYouMean('check', commands), undefined); // not a typo at all
  });

  it('a pack may be named by its manifest: check examples/demo-pack/evidence-pack.yaml', () => {
    const byDir = run(['check', 'examples/demo-pack', '--format', 'json']);
    const byManifest = run(['check', 'examples/demo-pack/evidence-pack.yaml', '--format', 'json']);
    assert.equal(byManifest.code, byDir.code, byManifest.err);
    assert.deepEqual(JSON.parse(byManifest.out), JSON.parse(byDir.out));
    const score = run(['score', 'examples/demo-pack/evidence-pack.yaml']);
    assert.equal(score.code, 0, score.err);
    assert.match(score.out, /^examples\/demo-pack {2}★★★ 82\.4/);
    // another file is still not a folder
    const other = run(['check', 'examples/demo-pack/5.1-system.evidence.yaml']);
    assert.equal(other.code, 2);
    assert.match(other.err, /not a folder/);
  });

  it('run inside a pack, every output names it by its folder, never "."', () => {
    const dir = path.join(tmp, '海川家电');
    cpSync(path.join(repo, 'examples/demo-pack'), dir, { recursive: true });
    const text = run(['check'], { cwd: dir });
    assert.equal(text.code, 1);
    assert.match(text.out, /^海川家电 {2}★★★ 82\.4/m);
    assert.match(text.out, /^海川家电: rating .* is below the required/m);
    assert.doesNotMatch(text.out, /^\.[ :]/m);
    const score = JSON.parse(run(['score', '--format', 'json'], { cwd: dir }).out);
    assert.equal(score[0].pack, '海川家电');
    const check = JSON.parse(run(['check', '--format', 'json'], { cwd: dir }).out);
    assert.equal(check.packs[0].pack, '海川家电');
    const sarif = JSON.parse(run(['check', '--format', 'sarif'], { cwd: dir }).out);
    assert.equal(sarif.runs[0].properties.packs[0].pack, '海川家电');
  });
});

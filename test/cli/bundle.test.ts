// The hand-over bundle as the auditor receives it: unpacked with the system's unzip and checked with
// `sha256sum -c`; the same pack gives the same bytes wherever it lies; `verify` names every file that was
// changed, dropped or added and a score the files no longer give, and refuses archives that are not bundles
// (zip-slip names, absolute names, bombs) without writing anything outside its temporary folder.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { formatsFor } from '../../src/present/formats';
import { hasCommand } from '../support/soffice';
import { DEMO, runCli } from './formats.test';

function tmpDir(prefix: string): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
}

/** The demo pack copied to `<dir>/pack`, outside any git work tree (the workspace is then the pack). */
function copyDemo(dir: string): string {
  const pack = path.join(dir, 'pack');
  fs.cpSync(DEMO, pack, { recursive: true });
  return pack;
}

function verifyTemps(): string[] {
  return fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('evidence-pack-verify-'));
}

describe('evidence-pack bundle and verify', function () {
  this.timeout(60000);
  let tmp: string;
  beforeEach(() => {
    tmp = tmpDir('ep-bundle-');
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('bundles the pack, its attachments, every report, bundle.json and SHA256SUMS that sha256sum -c accepts', async function () {
    if (!hasCommand('unzip')) {
      if (process.env.CI) throw new Error('unzip is missing: scripts/setup-office.sh installs it');
      this.skip();
    }
    const pack = copyDemo(tmp);
    const r = await runCli(['bundle', pack, '--out', path.join(tmp, 'handover.zip')], tmp);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /handover\.zip: 32 files, \d reports; pack 82\.4 \(Three-star\)/);
    const out = path.join(tmp, 'unpacked');
    fs.mkdirSync(out);
    execFileSync('unzip', ['-q', path.join(tmp, 'handover.zip'), '-d', out]);
    const checked = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: out, encoding: 'utf8' });
    assert.doesNotMatch(checked, /FAILED/);
    assert.match(checked, /^bundle\.json: OK$/m);
    assert.match(checked, /^files\/attachments\/rectification-SD-1\.md: OK$/m); // the manifest's own attachment
    assert.match(checked, /^files\/attachments\/managers-2026\.csv: OK$/m);
    for (const f of formatsFor('report')) assert.match(checked, new RegExp(`^reports/evidence-pack-report\\.${f.fileExtension}: OK$`, 'm'));
    // Exactly the demo pack's files, byte for byte — but the one nothing links to (5.2.2 names a .xlsx that is not there).
    const unpacked = (fs.readdirSync(path.join(out, 'files'), { recursive: true }) as string[])
      .filter((f) => fs.statSync(path.join(out, 'files', f)).isFile())
      .sort();
    const original = (fs.readdirSync(DEMO, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(DEMO, f)).isFile()).sort();
    assert.deepEqual(
      unpacked,
      original.filter((f) => f !== 'attachments/repair-orders-2026Q3.csv'),
    );
    for (const f of unpacked) assert.ok(fs.readFileSync(path.join(DEMO, f)).equals(fs.readFileSync(path.join(out, 'files', f))), f);
    const json = JSON.parse(fs.readFileSync(path.join(out, 'bundle.json'), 'utf8'));
    const scored = JSON.parse((await runCli(['score', pack, '--format', 'json'], tmp)).out)[0];
    assert.deepEqual(json.packs, [
      {
        path: 'files',
        organization: '华澜电器有限公司',
        assessmentDate: '2026-10-15',
        standard: { id: 'gbt27922-2011', weights: 'provisional' },
        score: scored.score,
        rating: { id: 'three-star', stars: 3, label: 'Three-star' },
      },
    ]);
    assert.equal(json.tool.name, 'evidence-pack');
    assert.equal(json.files.length, 32 + formatsFor('report').length); // the pack's files and one report per format
  });

  it('gives the same bytes twice, and for the same pack copied elsewhere', async () => {
    const a = copyDemo(path.join(tmp, 'a')),
      b = copyDemo(path.join(tmp, 'b'));
    for (const [dir, out] of [
      [a, 'a1.zip'],
      [a, 'a2.zip'],
      [b, 'b.zip'],
    ]) {
      const r = await runCli(['bundle', dir, '--out', path.join(tmp, out)], tmp);
      assert.equal(r.code, 0, r.err);
    }
    const a1 = fs.readFileSync(path.join(tmp, 'a1.zip'));
    assert.ok(a1.equals(fs.readFileSync(path.join(tmp, 'a2.zip'))), 'bundled twice');
    assert.ok(a1.equals(fs.readFileSync(path.join(tmp, 'b.zip'))), 'same pack elsewhere');
  });

  it('verify: 0 on the bundle as written; 1 naming each changed, missing and extra file and the score they give', async () => {
    const pack = copyDemo(tmp);
    const zip = path.join(tmp, 'b.zip');
    assert.equal((await runCli(['bundle', pack, '--out', zip], tmp)).code, 0);
    const before = verifyTemps();
    const ok = await runCli(['verify', zip], tmp);
    assert.equal(ok.code, 0, ok.err + ok.out);
    assert.match(ok.out, new RegExp(`every hash holds \\(${32 + formatsFor('report').length} files\\).*files 82\\.4 \\(Three-star\\)`));

    const entries = unzipSync(fs.readFileSync(zip));
    entries['files/attachments/org-chart.md'] = strToU8(strFromU8(entries['files/attachments/org-chart.md']) + '\n(edited)');
    delete entries['files/attachments/managers-2026.csv'];
    entries['files/attachments/new.pdf'] = strToU8('%PDF');
    fs.writeFileSync(path.join(tmp, 'tampered.zip'), zipSync(entries));
    const bad = await runCli(['verify', path.join(tmp, 'tampered.zip')], tmp);
    assert.equal(bad.code, 1, bad.err);
    assert.match(bad.out, /^changed: files\/attachments\/org-chart\.md /m);
    assert.match(bad.out, /^missing: files\/attachments\/managers-2026\.csv /m);
    assert.match(bad.out, /^extra: files\/attachments\/new\.pdf /m);
    // Without its managers' roster, 5.1.2.2 has no counting record: the files no longer give 82.4.
    assert.match(bad.out, /^score: files gives [\d.]+ [\w-]+, bundle\.json records 82\.4 three-star$/m);
    assert.doesNotMatch(bad.out, /82\.4 three-star, bundle/);
    assert.match(bad.err, /4 differences/);

    // A score edited in bundle.json: SHA256SUMS no longer holds for it.
    const edited = unzipSync(fs.readFileSync(zip));
    edited['bundle.json'] = strToU8(strFromU8(edited['bundle.json']).replace('"score": 82.4', '"score": 92.4'));
    fs.writeFileSync(path.join(tmp, 'edited.zip'), zipSync(edited));
    const zh = await runCli(['verify', path.join(tmp, 'edited.zip'), '--lang', 'zh-CN'], tmp);
    assert.equal(zh.code, 1);
    assert.match(zh.out, /^已改动：bundle\.json/m);
    assert.match(zh.out, /^得分：files 重新评分为 82\.4 three-star，bundle\.json 记录为 92\.4 three-star$/m);
    assert.deepEqual(verifyTemps(), before, 'the temporary folders are removed');
  });

  it('verify: 2 for what is not a bundle — not a zip, no bundle.json, zip-slip and absolute names, a bomb; nothing lands outside', async () => {
    const notZip = path.join(tmp, 'x.zip');
    fs.writeFileSync(notZip, 'PK but not really');
    const bundleJson = strToU8(JSON.stringify({ bundle: 1, tool: { name: 'evidence-pack', version: '0' }, packs: [], files: [] }));
    const write = (name: string, entries: Record<string, Uint8Array>) => {
      fs.writeFileSync(path.join(tmp, name), zipSync(entries));
      return path.join(tmp, name);
    };
    const victim = path.join(tmp, 'victim.txt');
    const slip = write('slip.zip', { 'bundle.json': bundleJson, SHA256SUMS: strToU8(''), 'files/../../victim.txt': strToU8('owned') });
    const slip2 = write('slip2.zip', { 'bundle.json': bundleJson, '../victim.txt': strToU8('owned') });
    const absolute = write('abs.zip', { 'bundle.json': bundleJson, [victim]: strToU8('owned') });
    const noJson = write('nojson.zip', { 'files/evidence-pack.yaml': strToU8('pack: 1\n') });
    // A bomb: 2 MB of zeros whose central directory claims 4 GB; refused before anything is inflated.
    const bomb = path.join(tmp, 'bomb.zip');
    const big = Buffer.from(zipSync({ 'bundle.json': bundleJson, 'files/zeros.bin': new Uint8Array(2 * 1024 * 1024) }));
    const cd = big.lastIndexOf(Buffer.from('files/zeros.bin')) - 46; // its central directory record
    assert.equal(big.readUInt32LE(cd), 0x02014b50);
    big.writeUInt32LE(0xfffffff0, cd + 24); // the uncompressed size it declares
    fs.writeFileSync(bomb, big);
    const cases: [string, RegExp][] = [
      [notZip, /not a readable zip archive/],
      [slip, /"files\/\.\.\/\.\.\/victim\.txt" would unpack outside/],
      [slip2, /"\.\.\/victim\.txt" would unpack outside/],
      [absolute, /would unpack outside/],
      [noJson, /has no bundle\.json/],
      [bomb, /unpacks to more than 1073741824 bytes/],
      [path.join(tmp, 'none.zip'), /no such file/],
    ];
    for (const [file, message] of cases) {
      const r = await runCli(['verify', file], tmp);
      assert.equal(r.code, 2, `${file}: ${r.out}${r.err}`);
      assert.match(r.err, message, file);
      assert.equal(r.out, '');
    }
    assert.ok(!fs.existsSync(victim));
  });

  it('never reads an attachment outside the workspace: a warning names it; one elsewhere in the workspace is bundled', async () => {
    const ws = path.join(tmp, 'ws');
    fs.mkdirSync(path.join(ws, 'common'), { recursive: true });
    fs.mkdirSync(path.join(ws, 'client'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'secret.pdf'), '%PDF secret');
    fs.writeFileSync(path.join(ws, 'common', 'policy.pdf'), '%PDF policy');
    fs.writeFileSync(path.join(ws, 'client', 'evidence-pack.yaml'), 'pack: 1\nstandard: gbt27922-2011\nassessment: {date: 2026-10-15}\n');
    fs.writeFileSync(
      path.join(ws, 'client', 'a.evidence.yaml'),
      `clauses:
  - clause: "5.1.1.1"
    evidence:
      - {kind: document, title: Policy, file: ../common/policy.pdf}
      - {kind: document, title: Secret, file: ../../secret.pdf}
`,
    );
    const zip = path.join(tmp, 'b.zip');
    const r = await runCli(['bundle', 'client', '--out', zip, '--root', ws], ws);
    assert.equal(r.code, 0, r.err);
    assert.match(
      r.err,
      /^evidence-pack: warning: \.\.\/secret\.pdf \(linked from client\/evidence-pack\.yaml\) is outside the workspace: not read, not in the bundle$/m,
    );
    const names = Object.keys(unzipSync(fs.readFileSync(zip)));
    assert.ok(names.includes('files/common/policy.pdf'), names.join(' '));
    assert.ok(names.includes('files/client/evidence-pack.yaml'));
    assert.ok(!names.some((n) => n.includes('secret')), names.join(' '));
    assert.ok(!fs.readFileSync(zip).includes(Buffer.from('%PDF secret')));
    const v = await runCli(['verify', zip], tmp);
    assert.equal(v.code, 0, v.out + v.err);
  });

  it('says what it needs: --out, a file to verify; help in both languages', async () => {
    const noOut = await runCli(['bundle', DEMO]);
    assert.equal(noOut.code, 2);
    assert.match(noOut.err, /bundle needs --out FILE\.zip/);
    assert.equal((await runCli(['verify'])).code, 2);
    const missingDir = await runCli(['bundle', DEMO, '--out', path.join(tmp, 'no/such/b.zip')]);
    assert.equal(missingDir.code, 2);
    assert.match(missingDir.err, /does not exist/);
    assert.match((await runCli(['help', 'bundle'])).out, /SHA256SUMS/);
    assert.match((await runCli(['help', 'verify', '--lang', 'zh-CN'])).out, /临时目录/);
  });
});

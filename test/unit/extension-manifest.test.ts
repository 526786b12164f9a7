// The extension's static contributions: what VS Code reads from package.json, the nls and l10n
// files, the grammar and the packaging allow-list. A broken key here is a command without a
// title, a setting without a description or a string left in one language only.
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { STRINGS, l10nBundles, resolveLang, t } from '../../src/extension/strings';
import { main } from '../../src/cli/main';

const root = join(__dirname, '..', '..');
const json = (p: string) => JSON.parse(readFileSync(join(root, p), 'utf8'));
const pkg = json('package.json');
const nlsEn: Record<string, string> = json('package.nls.json');
const nlsZh: Record<string, string> = json('package.nls.zh-cn.json');

describe('extension manifest (package.json)', () => {
  it('never activates on *, and activates on manifests, evidence files, its commands and its panel', () => {
    const events: string[] = pkg.activationEvents;
    assert.ok(!events.includes('*'));
    assert.ok(!events.some((e) => e === 'onLanguage:yaml' || e === 'onLanguage:markdown'));
    for (const e of [
      'workspaceContains:**/evidence-pack.yaml',
      'workspaceContains:**/*.evidence.md',
      'onCommand:evidencePack.showScore',
      'onWebviewPanel:evidencePack.score',
    ]) {
      assert.ok(events.includes(e), e);
    }
  });

  it('contributes the commands of the UI contract with their titles in en and zh-CN', () => {
    const commands = pkg.contributes.commands as { command: string; title: string }[];
    assert.deepEqual(commands.map((c) => c.command).sort(), [
      'evidencePack.exportReport',
      'evidencePack.importSheet',
      'evidencePack.newPack',
      'evidencePack.openStandard',
      'evidencePack.revalidate',
      'evidencePack.showScore',
    ]);
    const show = commands.find((c) => c.command === 'evidencePack.showScore')!;
    assert.equal(nlsEn[show.title.slice(1, -1)], 'Evidence Pack: Show Score Panel');
    assert.equal(nlsZh[show.title.slice(1, -1)], '证据包：显示评分面板');
    const importSheet = commands.find((c) => c.command === 'evidencePack.importSheet')!;
    assert.deepEqual(
      [nlsEn[importSheet.title.slice(1, -1)], nlsZh[importSheet.title.slice(1, -1)]],
      ['Evidence Pack: Import Scoring Sheet…', '证据包：导入评分表…'],
    );
  });

  it('contributes the settings of the UI contract with defaults and descriptions', () => {
    const props = pkg.contributes.configuration.properties;
    assert.deepEqual(props['evidencePack.language'].enum, ['auto', 'zh-CN', 'en']);
    assert.equal(props['evidencePack.language'].default, 'auto');
    assert.equal(props['evidencePack.debounceMs'].default, 300);
    assert.equal(props['evidencePack.maxFileSizeMB'].default, 10);
    for (const p of Object.values<{ markdownDescription?: string }>(props)) assert.match(p.markdownDescription ?? '', /^%.+%$/);
  });

  it('resolves every %key% in package.json in both nls files, and both files have the same keys', () => {
    const keys = [...JSON.stringify(pkg).matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 10);
    for (const k of keys) {
      assert.ok(nlsEn[k], `package.nls.json: ${k}`);
      assert.ok(nlsZh[k], `package.nls.zh-cn.json: ${k}`);
    }
    assert.deepEqual(Object.keys(nlsZh).sort(), Object.keys(nlsEn).sort());
  });

  it('declares limited support in untrusted workspaces, with reasons, and full support in virtual workspaces (a browser entry)', () => {
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations, ['evidencePack.maxFileSizeMB']);
    assert.match(nlsEn[pkg.capabilities.untrustedWorkspaces.description.slice(1, -1)], /only ever read as data/);
    assert.equal(pkg.capabilities.virtualWorkspaces, true);
    assert.equal(pkg.browser, './dist/browser.js');
    assert.equal(pkg.main, './dist/extension.js');
  });

  it('has a problem matcher that reads the CLI text format (1-based, relative to the workspace folder)', () => {
    const m = pkg.contributes.problemMatchers.find((x: { name: string }) => x.name === 'evidence-pack');
    assert.deepEqual(m.fileLocation, ['relative', '${workspaceFolder}']);
    const re = new RegExp(m.pattern.regexp);
    const line = 'examples/demo-pack/5.2-commodity.evidence.yaml:14:15 error broken-link File not found: attachments/x.pdf';
    const g = re.exec(line)!;
    assert.deepEqual(
      [g[m.pattern.file], g[m.pattern.line], g[m.pattern.column], g[m.pattern.severity], g[m.pattern.code], g[m.pattern.message]],
      ['examples/demo-pack/5.2-commodity.evidence.yaml', '14', '15', 'error', 'broken-link', 'File not found: attachments/x.pdf'],
    );
    const zh = re.exec('证据/5.3 顾客.evidence.md:3:1 info open-action 待办：补充回访记录')!;
    assert.equal(zh[m.pattern.file], '证据/5.3 顾客.evidence.md');
    assert.equal(zh[m.pattern.severity], 'info');
    assert.equal(re.exec('Score: 87.5 三星级'), null);
  });

  it('problem matcher: turns every diagnostic line of `evidence-pack check` (text) into a problem, and nothing else', async () => {
    const m = pkg.contributes.problemMatchers.find((x: { name: string }) => x.name === 'evidence-pack');
    const re = new RegExp(m.pattern.regexp);
    let out = '';
    const json = { text: '' };
    const io = (sink: { text: string } | undefined) => ({
      out: (s: string) => {
        if (sink) sink.text += s;
        else out += s;
      },
      err: () => undefined,
      cwd: root,
      env: {},
    });
    await main(['check', 'examples/demo-pack', '--lang', 'en'], io(undefined));
    await main(['check', 'examples/demo-pack', '--lang', 'en', '--format', 'json'], io(json));
    const expected = JSON.parse(json.text).diagnostics as {
      file: string;
      severity: string;
      code: string;
      range: { start: { line: number; character: number } };
    }[];
    const matched = out
      .split('\n')
      .map((l) => re.exec(l))
      .filter((x): x is RegExpExecArray => x !== null);
    assert.equal(matched.length, expected.length);
    for (const [i, d] of expected.entries()) {
      const g = matched[i];
      assert.equal(g[m.pattern.file], `examples/demo-pack/${d.file}`);
      assert.equal(Number(g[m.pattern.line]), d.range.start.line + 1);
      assert.equal(Number(g[m.pattern.column]), d.range.start.character + 1);
      assert.equal(g[m.pattern.severity], d.severity);
      assert.equal(g[m.pattern.code], d.code);
    }
  });

  it('vsce packages exactly what the installed extension needs: start-up bundles under 1 MiB, the .vsix under 1 MiB', function () {
    // Needs the bundles (npm test builds them first); without them there is nothing to package.
    if (!existsSync(join(root, 'dist/extension.js'))) this.skip();
    this.timeout(60000);
    const files = execFileSync(process.execPath, [join(root, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'], {
      cwd: root,
      encoding: 'utf8',
    })
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    // dist/deliverables.js: the workbook reader that Import Scoring Sheet… loads for an .xlsx (Node host only).
    for (const f of [
      'package.json',
      'package.nls.json',
      'package.nls.zh-cn.json',
      'dist/extension.js',
      'dist/browser.js',
      'dist/webview.js',
      'dist/webview.css',
      'dist/deliverables.js',
      'l10n/bundle.l10n.json',
      'l10n/bundle.l10n.zh-cn.json',
      'syntaxes/evidence-pack.injection.json',
      'schemas/standards/gbt27922-2011.yaml',
      'media/icon.png',
    ]) {
      assert.ok(files.includes(f), `${f} in the vsix`);
    }
    assert.deepEqual(
      files.filter((f) => /\.map$|^src\/|^test\/|^node_modules\/|^examples\/|\.ts$/.test(f)),
      [],
    );
    // What activation loads stays small; dist/deliverables.js loads only when a user imports a workbook or exports one.
    const startup = files.filter((f) => f !== 'dist/deliverables.js').reduce((sum, f) => sum + statSync(join(root, f)).size, 0);
    assert.ok(startup < 1024 * 1024, `${startup} bytes`);
    const dir = mkdtempSync(join(tmpdir(), 'ep-vsix-'));
    try {
      const vsix = join(dir, 'x.vsix');
      execFileSync(process.execPath, [join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', vsix], {
        cwd: root,
        stdio: 'ignore',
      });
      assert.ok(statSync(vsix).size < 1024 * 1024, `${statSync(vsix).size} bytes in the .vsix`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('packages an allow-list: bundles, schemas, grammar, l10n, nls and the icon, no sources or maps', () => {
    const lines = readFileSync(join(root, '.vscodeignore'), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'));
    assert.equal(lines[0], '**');
    for (const p of [
      '!dist/extension.js',
      '!dist/browser.js',
      '!dist/deliverables.js',
      '!dist/webview.js',
      '!dist/webview.css',
      '!l10n/*.json',
      '!syntaxes/*.json',
      '!media/icon.png',
      '!package.nls.zh-cn.json',
    ]) {
      assert.ok(lines.includes(p), p);
    }
    assert.ok(!lines.some((l) => /\.map|src\/|!dist\/\*\*?$/.test(l)));
    assert.equal(pkg.icon, 'media/icon.png');
    assert.ok(pkg.repository);
  });
});

describe('extension runtime strings', () => {
  it('has every string in en and zh-CN with the same placeholders', () => {
    for (const [id, s] of Object.entries(STRINGS)) {
      assert.ok(s.en.trim() && s['zh-CN'].trim(), id);
      const names = (x: string) => [...x.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      assert.deepEqual(names(s['zh-CN']), names(s.en), id);
    }
  });

  it('ships l10n bundles that match the string table (regenerate with scripts/l10nBundles.ts)', () => {
    const bundles = l10nBundles();
    assert.deepEqual(json('l10n/bundle.l10n.json'), bundles.en);
    assert.deepEqual(json('l10n/bundle.l10n.zh-cn.json'), bundles['zh-cn']);
    // Strings that share an English text must share the translation, or the bundle would lose one.
    const seen = new Map<string, string>();
    for (const [id, s] of Object.entries(STRINGS)) {
      const other = seen.get(s.en);
      if (other !== undefined) assert.equal(s['zh-CN'], other, id);
      seen.set(s.en, s['zh-CN']);
    }
  });

  it('follows the display language unless the setting forces one', () => {
    assert.equal(resolveLang('auto', 'zh-cn'), 'zh-CN');
    assert.equal(resolveLang('auto', 'zh-tw'), 'zh-CN');
    assert.equal(resolveLang('auto', 'de'), 'en');
    assert.equal(resolveLang('en', 'zh-cn'), 'en');
    assert.equal(resolveLang('zh-CN', 'en'), 'zh-CN');
    assert.equal(resolveLang(42, 'en'), 'en');
    assert.equal(t('zh-CN', 'panel.needed', { needed: '2.5' }), '还需 2.5 分');
  });
});

describe('extension grammar (syntaxes/evidence-pack.injection.json)', () => {
  const grammar = json('syntaxes/evidence-pack.injection.json');
  // Oniguruma → JS: \p{Han} is \p{Script=Han} with the u flag.
  const re = (name: string) => new RegExp(grammar.repository[name].match.replace(/\\p\{Han\}/g, '\\p{Script=Han}'), 'u');

  it('is injected into YAML and Markdown and scopes ids, kinds and statuses', () => {
    const grammars = pkg.contributes.grammars;
    assert.deepEqual(grammars[0].injectTo, ['source.yaml', 'text.html.markdown']);
    assert.equal(grammars[0].scopeName, grammar.scopeName);
    assert.equal(re('clause-key').exec('  - clause: "5.1.2.2"')?.[4], '5.1.2.2');
    assert.equal(re('clause-key').exec('  - clause: 5.10 # comment')?.[4], '5.10');
    assert.equal(re('clause-key').exec('  - {id: SD-1, clause: "5.2.5", reason: x}')?.[4], '5.2.5');
    assert.equal(re('clause-key').exec('    notes: see clause 5.1 first'), null);
    assert.equal(re('kind-key').exec('      - kind: record')?.[4], 'record');
    assert.equal(re('kind-key').exec('      - kind: 记录')?.[4], '记录');
    const status = re('status-key').exec('    status: nonconforming');
    assert.equal(status?.[6], 'nonconforming');
    assert.equal(re('status-key').exec('    status: maybe'), null);
    assert.equal(re('markdown-heading-clause').exec('## 5.3.2 投诉处理')?.[1], '5.3.2');
    assert.equal(re('markdown-kind-item').exec('- 记录：[投诉台账](a.csv) 2026-09-30')?.[1], '记录');
    assert.equal(re('markdown-kind-item').exec('- record: [案例](a.md)')?.[1], 'record');
    assert.equal(re('markdown-kind-item').exec('- note: plain text'), null);
  });
});

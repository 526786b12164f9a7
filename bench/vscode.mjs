// The extension in a real VS Code (code-server 4.100.3, as the e2e suite runs it), in both extension hosts:
// the Node host (desktop, remote) and the web worker host (vscode.dev, github.dev; here selected with the
// user setting `remote.extensionKind`). Measures, for the demo pack and the 1,000-file pack (bench/gen.mjs):
//   - start-up: from the workbench being ready (status bar rendered) to the pack's score in the status bar,
//     a new window (a new extension host, a cold activation) each run;
//   - keystroke: typing one character that adds an error (and Backspace, that removes it) in an evidence file,
//     until the Problems count in the status bar changes (debounce set to 0).
// Opt-in part of `npm run bench` (BENCH_VSCODE=1), or alone: `node bench/vscode.mjs` (rewrites its section of
// BENCHMARKS.md). Needs code-server and Chromium (bash scripts/setup-vscode.sh); EP_VSCODE_DIR as for the e2e suite.
// Alone, BENCH_HOSTS_SMALL=1 measures the demo pack only (no 1,000-file pack), BENCH_HOSTS_STARTS=N windows per
// host (default 3), BENCH_HOSTS_KEYS=N keystrokes (default 10).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CodeServer, baseSettings, buildVsix, closeBrowser, copyDir, launchChromium, setupVscode } from '../test/e2e/vscode.mjs';
import { Workbench, harnessKeybindings, T } from '../test/e2e/workbench.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

/** Runs the measurements; `packs` maps a label to a pack folder (copied, never changed in place). */
export async function measureHosts(packs, { starts = 3, keystrokes = 10, log = (s) => console.log(s) } = {}) {
  const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
  const id = `${manifest.publisher}.${manifest.name}`;
  const vsix = buildVsix();
  setupVscode();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ep-bench-hosts-'));
  const server = new CodeServer({ vsix, keybindings: harnessKeybindings, name: 'bench' });
  let browser;
  const rows = [];
  try {
    await server.start();
    browser = await launchChromium({ headless: true });
    for (const [label, source] of Object.entries(packs)) {
      const dir = copyDir(source, path.join(tmp, label.replace(/\W+/g, '-'), path.basename(source)));
      const target = keystrokeTarget(dir);
      for (const host of ['node', 'web']) {
        const settings = {
          'evidencePack.language': 'en',
          'evidencePack.debounceMs': 0,
          ...(host === 'web' ? { 'remote.extensionKind': { [id]: ['web'] } } : {}),
        };
        fs.writeFileSync(path.join(server.userDataDir, 'User/settings.json'), JSON.stringify(baseSettings(settings), null, 2));
        const start = [];
        let page;
        for (let i = 0; i < starts; i++) {
          await page?.close({ runBeforeUnload: false }).catch(() => {});
          page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
          const wb = new Workbench(page);
          await wb.open(server.url(dir));
          const t0 = Date.now();
          await wb.waitScoreText((t) => /\d/.test(t), 'a score', 10 * 60_000);
          start.push(Date.now() - t0);
        }
        // The panel says which entry runs: the measurement must be of the host it names.
        const wb = new Workbench(page);
        await wb.runCommand('Evidence Pack: Show Score Panel');
        const ran = await (await wb.webviewFrame()).locator('body').getAttribute('data-extension-host');
        if (ran !== host) throw new Error(`expected the ${host} host, the panel says ${ran}`);
        const keys = await typeAndWait(wb, dir, target, keystrokes);
        rows.push({ pack: label, host, start: median(start), starts: start, key: median(keys), keys });
        log(
          `${label} · ${host} host: workbench ready → score ${fmt(median(start))} ms (${start.map(fmt).join(', ')}) · keystroke → Problems ${fmt(median(keys))} ms`,
        );
        await page.close({ runBeforeUnload: false }).catch(() => {});
      }
    }
  } finally {
    await closeBrowser(browser);
    await server.stop();
    server.cleanup();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return rows;
}

/** The first `kind:` value of the pack's largest evidence YAML file (typing after it makes an unknown kind). */
function keystrokeTarget(dir) {
  const files = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.evidence\.ya?ml$/.test(e.name)) files.push(p);
    }
  };
  walk(dir);
  files.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size || a.localeCompare(b));
  for (const file of files) {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const line = lines.findIndex((l) => /\bkind: [a-z]+\s*[,}]?\s*$/.test(l) || /\bkind: [a-z]+,/.test(l));
    if (line >= 0) {
      const m = /\bkind: ([a-z]+)/.exec(lines[line]);
      return { file: path.relative(dir, file), line: line + 1, col: m.index + m[0].length + 1 };
    }
  }
  throw new Error(`no kind: value in ${dir}`);
}

async function typeAndWait(wb, dir, target, n) {
  const { page } = wb;
  await wb.escapeAll();
  await wb.openFile(target.file);
  const before = await wb.waitProblemCounts(() => true, 'counts');
  await wb.goTo(target.line, target.col);
  const problems = page.locator('#status\\.problems .statusbar-item-label');
  const errorsNow = () =>
    problems.evaluate((el) => {
      const icon = el.querySelector('.codicon-error');
      return Number.parseInt(icon?.nextSibling?.textContent?.trim() ?? '0', 10) || 0;
    });
  const times = [];
  for (let i = 0; i < n; i++) {
    const add = i % 2 === 0;
    const want = add ? before.errors + 1 : before.errors;
    const t0 = Date.now();
    await page.keyboard.press(add ? 'x' : 'Backspace');
    await page.waitForFunction(
      ({ want: w }) => {
        const icon = document.querySelector('#status\\.problems .statusbar-item-label .codicon-error');
        return (Number.parseInt(icon?.nextSibling?.textContent?.trim() ?? '0', 10) || 0) === w;
      },
      { want },
      { polling: 'raf', timeout: T.long },
    );
    times.push(Date.now() - t0);
  }
  if ((await errorsNow()) !== before.errors) throw new Error('keystrokes did not return to the first error count');
  await wb.revertAndCloseAll();
  return times;
}

/** The Markdown section BENCHMARKS.md shows for these figures. */
export function hostsSection(rows, machine) {
  const by = (pack, host) => rows.find((r) => r.pack === pack && r.host === host);
  const lines = [
    `Measured ${machine}.`,
    '',
    '| pack | extension host | workbench ready → score in the status bar (median) | runs | keystroke → Problems count (median) |',
    '|---|---|---:|---|---:|',
    ...rows.map(
      (r) =>
        `| ${r.pack} | ${r.host === 'web' ? 'web worker (browser entry)' : 'Node'} | ${fmt(r.start)} ms | ${r.starts.map(fmt).join(', ')} | ${fmt(r.key)} ms |`,
    ),
    '',
    '| target (issue 13) | measured | limit | met |',
    '|---|---:|---:|:---:|',
  ];
  for (const pack of [...new Set(rows.map((r) => r.pack))]) {
    const web = by(pack, 'web'),
      node = by(pack, 'node');
    if (web && node)
      lines.push(
        `| keystroke, web worker host ÷ Node host (${pack}) | ${(web.key / node.key).toFixed(2)}× | ≤ 2× | ${web.key / node.key <= 2 ? 'yes' : '**no**'} |`,
      );
  }
  return lines.join('\n');
}

export const HOSTS_START = '<!-- hosts:start -->';
export const HOSTS_END = '<!-- hosts:end -->';

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { generatePack } = await import('./gen.mjs');
  const { createRequire } = await import('node:module');
  // The built-in standard's leaves, as the build generated them (npm run build)
  const standards = createRequire(import.meta.url)('../src/core/generated/standards.js');
  const leaves = [];
  const walk = (c) => (c.children.length ? c.children.forEach(walk) : leaves.push(c));
  standards['gbt27922-2011'].clauses.forEach(walk);
  const big = path.join(here, '.work', 'packs', 'n1000');
  if (!process.env.BENCH_HOSTS_SMALL) generatePack(big, 1000, leaves);
  const packs = {
    'demo pack': path.join(repo, 'examples', 'demo-pack'),
    ...(process.env.BENCH_HOSTS_SMALL ? {} : { '1,000-file pack': big }),
  };
  const loadBefore = os.loadavg()[0];
  const rows = await measureHosts(packs, {
    starts: Number(process.env.BENCH_HOSTS_STARTS || 3),
    keystrokes: Number(process.env.BENCH_HOSTS_KEYS || 10),
  });
  // Other work on the machine slows both hosts (the web host's round trips most): the figures say how loaded it was.
  // Only the load before counts as other work: the load after includes this benchmark's own code-server and Chromium.
  const load = [loadBefore, os.loadavg()[0]];
  const loaded = loadBefore > os.cpus().length * 1.5 ? ', on a shared, loaded machine' : '';
  const machine = `${os.cpus()[0]?.model?.trim() ?? 'unknown'} × ${os.cpus().length}, Node ${process.version}, ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}${loaded} (1-minute load average ${load.map((l) => l.toFixed(1)).join(' before, ')} after)`;
  const file = path.join(repo, 'BENCHMARKS.md');
  const doc = fs.readFileSync(file, 'utf8');
  const a = doc.indexOf(HOSTS_START),
    b = doc.indexOf(HOSTS_END);
  if (a < 0 || b < 0) throw new Error('BENCHMARKS.md has no hosts section: run npm run bench first');
  fs.writeFileSync(file, doc.slice(0, a + HOSTS_START.length) + '\n' + hostsSection(rows, machine) + '\n' + doc.slice(b));
  console.log('wrote the extension hosts section of BENCHMARKS.md');
}

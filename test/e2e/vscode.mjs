// Helpers to drive a real VS Code (code-server 4.100.3 = VS Code 1.100) from Debian's Chromium through
// playwright-core. Used by test/e2e/run.mjs (the suite) and test/e2e/demo.mjs (npm run demo:vscode).
//
// Everything waits on conditions (selectors, texts, counts) — never on fixed sleeps.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const vscodeDir = process.env.EP_VSCODE_DIR ?? path.join(repoRoot, '.vscode-test');
export const codeServerEntry = path.join(vscodeDir, 'code-server/package/out/node/entry.js');

const isMac = process.platform === 'darwin';
export const mod = isMac ? 'Meta' : 'Control';

/** Run a command, inheriting stdio (stdout redirected to stderr so the suite's own output stays clean). */
export function runStep(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: repoRoot, stdio: ['ignore', 2, 2], ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

/** scripts/setup-vscode.sh: code-server, chromium, ripgrep (idempotent, fast when already done). */
export function setupVscode() {
  runStep('bash', [path.join(repoRoot, 'scripts/setup-vscode.sh')]);
}

/** Build dist/evidence-pack.vsix (npm run package) unless EP_VSIX names one to use instead. */
export function buildVsix() {
  if (process.env.EP_VSIX) return path.resolve(process.env.EP_VSIX);
  runStep('npm', ['run', '--silent', 'package']);
  const vsix = path.join(repoRoot, 'dist/evidence-pack.vsix');
  if (!fs.existsSync(vsix)) throw new Error(`npm run package did not produce ${vsix}`);
  return vsix;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export function copyDir(from, to) {
  fs.cpSync(from, to, { recursive: true });
  return to;
}

/** Settings that keep the workbench quiet and the tests deterministic. */
export function baseSettings(extra = {}) {
  return {
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.editor.enablePreview': false,
    'workbench.colorTheme': 'Default Dark Modern',
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'chat.commandCenter.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'git.enabled': false,
    'git.autoRepositoryDetection': false,
    'files.autoSave': 'off',
    'files.hotExit': 'off',
    'editor.minimap.enabled': false,
    'editor.quickSuggestions': { other: false, comments: false, strings: false },
    'editor.suggestOnTriggerCharacters': false,
    'editor.wordBasedSuggestions': 'off', // completions come from the extension only
    'editor.snippetSuggestions': 'none',
    'editor.acceptSuggestionOnEnter': 'off',
    'editor.autoClosingBrackets': 'never',
    'editor.autoClosingQuotes': 'never',
    'editor.autoIndent': 'none',
    'editor.formatOnType': false,
    'editor.parameterHints.enabled': false,
    'editor.hover.enabled': false,
    'editor.lightbulb.enabled': 'on',
    'editor.experimentalEditContextEnabled': false,
    'problems.autoReveal': false,
    '[yaml]': { 'editor.quickSuggestions': { other: false, comments: false, strings: false } },
    '[markdown]': { 'editor.quickSuggestions': { other: false, comments: false, strings: false } },
    ...extra,
  };
}

/**
 * A code-server process with its own user-data-dir and extensions-dir under a fresh temp folder.
 * The server runs in its own process group; stop() kills the whole group.
 */
export class CodeServer {
  /**
   * settings are added to baseSettings() (the suite's quiet, deterministic workbench) unless
   * vscodeDefaults is true: then they are the only user settings, and everything else is VS Code's default.
   */
  constructor({ settings = {}, keybindings = [], vsix, name = 'vscode', vscodeDefaults = false } = {}) {
    this.tmp = fs.mkdtempSync(path.join(os.tmpdir(), `ep-e2e-${name}-`));
    this.userDataDir = path.join(this.tmp, 'user-data');
    this.extensionsDir = path.join(this.tmp, 'extensions');
    this.logFile = path.join(this.tmp, 'code-server.log');
    fs.mkdirSync(path.join(this.userDataDir, 'User'), { recursive: true });
    fs.mkdirSync(this.extensionsDir, { recursive: true });
    this.settingsFile = path.join(this.userDataDir, 'User/settings.json');
    fs.writeFileSync(this.settingsFile, JSON.stringify(vscodeDefaults ? settings : baseSettings(settings), null, 2));
    fs.writeFileSync(path.join(this.userDataDir, 'User/keybindings.json'), JSON.stringify(keybindings, null, 2));
    this.vsix = vsix;
    this.proc = undefined;
  }

  commonArgs() {
    return [
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--user-data-dir',
      this.userDataDir,
      '--extensions-dir',
      this.extensionsDir,
    ];
  }

  installExtension(vsix = this.vsix) {
    const out = execFileSync(process.execPath, [codeServerEntry, ...this.commonArgs(), '--install-extension', vsix], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120_000,
    });
    fs.appendFileSync(this.logFile, `--- install-extension ${vsix}\n${out}\n`);
    const installed = fs.readdirSync(this.extensionsDir).filter((d) => !d.startsWith('.') && d !== 'extensions.json');
    if (!installed.length) throw new Error(`--install-extension installed nothing:\n${out}`);
    return installed;
  }

  /** Start on host:port (default 127.0.0.1 and a free port); resolves once /healthz answers. */
  async start({ host = '127.0.0.1', port } = {}) {
    if (!fs.existsSync(codeServerEntry)) throw new Error(`code-server is not installed: run bash scripts/setup-vscode.sh`);
    if (this.vsix) this.installExtension();
    this.port = port || (await freePort());
    const log = fs.openSync(this.logFile, 'a');
    this.proc = spawn(
      process.execPath,
      [codeServerEntry, ...this.commonArgs(), '--auth', 'none', '--bind-addr', `${host}:${this.port}`, '--ignore-last-opened'],
      {
        cwd: this.tmp,
        detached: true,
        stdio: ['ignore', log, log],
        env: { ...process.env, VSCODE_PROXY_URI: '', PASSWORD: '' },
      },
    );
    fs.closeSync(log);
    this.exited = new Promise((resolve) => this.proc.once('exit', resolve));
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (this.proc.exitCode !== null) throw new Error(`code-server exited (${this.proc.exitCode}); see ${this.logFile}`);
      try {
        const r = await fetch(`http://127.0.0.1:${this.port}/healthz`);
        if (r.ok) break;
      } catch {
        /* not listening yet */
      }
      if (Date.now() > deadline) throw new Error(`code-server did not answer on ${this.port} within 60s; see ${this.logFile}`);
      await new Promise((r) => setTimeout(r, 200)); // poll interval, not a wait for an outcome
    }
    return this;
  }

  url(folder) {
    return `http://127.0.0.1:${this.port}/?folder=${encodeURI(folder)}`;
  }

  /** Copy the server log and VS Code's own logs (extension host, renderer) into dir. */
  collectLogs(dir) {
    fs.mkdirSync(dir, { recursive: true });
    if (fs.existsSync(this.logFile)) fs.copyFileSync(this.logFile, path.join(dir, 'code-server.log'));
    const logs = path.join(this.userDataDir, 'logs');
    if (fs.existsSync(logs)) fs.cpSync(logs, path.join(dir, 'vscode-logs'), { recursive: true });
  }

  async stop() {
    const p = this.proc;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    const kill = (sig) => {
      try {
        process.kill(-p.pid, sig);
      } catch {
        /* gone */
      }
    };
    kill('SIGTERM');
    const done = await Promise.race([this.exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 5000).unref())]);
    if (!done) kill('SIGKILL');
    // child processes (extension host, file watcher) share the group; make sure none survive
    kill('SIGKILL');
  }

  cleanup() {
    fs.rmSync(this.tmp, { recursive: true, force: true });
  }
}

export function chromiumPath() {
  if (process.env.EP_CHROMIUM) return process.env.EP_CHROMIUM;
  const r = spawnSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' });
  const p = r.stdout.trim();
  if (!p) throw new Error('chromium not found on PATH: run bash scripts/setup-vscode.sh');
  return p;
}

export async function launchChromium({ headless = true } = {}) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
  return browser;
}

/** Close a browser; if it does not close in time, kill its process. */
export async function closeBrowser(browser) {
  if (!browser) return;
  const proc = browser.process?.();
  await Promise.race([browser.close().catch(() => {}), new Promise((r) => setTimeout(r, 10_000).unref())]);
  if (proc && proc.exitCode === null) {
    try {
      proc.kill('SIGKILL');
    } catch {
      /* gone */
    }
  }
}

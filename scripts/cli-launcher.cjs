// dist/cli.js: starts the command line (dist/cli-main.js) with V8's code cache, so that a cold
// `evidence-pack check` does not compile the same half-megabyte bundle on every run. The cache,
// written when a run ends, holds the bytecode of every function that run compiled; it lives in the
// user's own cache folder and V8 refuses it when the bundle or Node changes (it is then rewritten).
// Each command has its own cache: a cache holds only what its first run compiled, so one written by
// `help` or `init` left every later `check` compiling its code again (a cold check ran ~10% slower).
// Any trouble with the cache and the bundle is simply loaded as usual.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

const file = path.join(__dirname, 'cli-main.js');
/** The commands with a cache of their own (src/cli/help.ts COMMANDS; test/cli/cli.test.ts keeps the two lists equal). */
const COMMANDS = ['check', 'score', 'init', 'sheet', 'report', 'bundle', 'verify', 'help'];
let cacheFile, bundleKey;
try {
  const home =
    process.env.XDG_CACHE_HOME ||
    (process.platform === 'win32' ? process.env.LOCALAPPDATA : undefined) ||
    path.join(require('node:os').homedir(), '.cache');
  const { size, mtimeMs } = fs.statSync(file);
  const command = COMMANDS.includes(process.argv[2]) ? process.argv[2] : 'other';
  bundleKey = `cli-${process.version}-${process.arch}-${size}-${Math.round(mtimeMs)}-`;
  cacheFile = path.join(home, 'evidence-pack', `${bundleKey}${command}.bin`);
} catch {
  cacheFile = undefined;
}
run();

function run() {
  let cached;
  try {
    if (cacheFile) cached = fs.readFileSync(cacheFile);
  } catch {
    /* first run */
  }
  let script;
  try {
    const vm = require('node:vm');
    const source = fs.readFileSync(file, 'utf8');
    script = new vm.Script(Module.wrap(source), { filename: file, cachedData: cached, importModuleDynamically: undefined });
  } catch {
    require(file); // no cache then
    return;
  }
  if (cacheFile && (!cached || script.cachedDataRejected)) process.once('exit', () => save(script));
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(__dirname);
  mod.loaded = true;
  const req = Module.createRequire(file);
  req.main = mod; // the bundle runs its command when it is the main module
  script.runInThisContext().call(mod.exports, mod.exports, req, mod, file, __dirname);
}

function save(script) {
  try {
    const dir = path.dirname(cacheFile);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    // Caches of another bundle or Node are dead weight; the other commands' caches of this one are kept.
    for (const old of fs.readdirSync(dir))
      if (old.startsWith('cli-') && old.endsWith('.bin') && !old.startsWith(bundleKey)) fs.rmSync(path.join(dir, old), { force: true });
    const tmp = `${cacheFile}.${process.pid}`;
    fs.writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
    fs.renameSync(tmp, cacheFile);
  } catch {
    /* read-only home: run without a cache */
  }
}

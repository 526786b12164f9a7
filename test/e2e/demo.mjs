// npm run demo:vscode — open the example pack in a real VS Code (code-server 4.100.3) for anyone without one.
// Builds and installs dist/evidence-pack.vsix, copies examples/demo-pack to a temp folder (so edits never
// touch the repository), starts code-server and prints the address. Runs until Ctrl+C, which stops
// code-server and deletes the copy (EP_DEMO_KEEP=1 keeps it).
// VS Code runs with its own defaults — hovers, suggestions, the welcome page — as a user would see it: the
// only settings written are the extension's own (evidencePack.*).
//   EP_DEMO_PORT=8080      fixed port (default: a free one)
//   EP_DEMO_HOST=0.0.0.0   listen beyond localhost (there is no password: only on a trusted network)
//   EP_DEMO_PACK=dir       open another pack (copied as well)
//   EP_DEMO_LANG=zh-CN     evidencePack.language (default auto = VS Code's display language)
//   EP_DEMO_KEEP=1         keep the copy of the pack when the demo stops
//   EP_VSIX=file.vsix      install that .vsix instead of building one
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CodeServer, buildVsix, copyDir, repoRoot, setupVscode } from './vscode.mjs';

/** The user settings of the demo: the extension's own, nothing of VS Code's. */
function demoSettings(env) {
  const settings = {};
  if (env.EP_DEMO_LANG) settings['evidencePack.language'] = env.EP_DEMO_LANG;
  return settings;
}

const source = path.resolve(process.env.EP_DEMO_PACK ?? path.join(repoRoot, 'examples/demo-pack'));
const host = process.env.EP_DEMO_HOST ?? '127.0.0.1';
const keep = process.env.EP_DEMO_KEEP === '1';
const vsix = buildVsix();
setupVscode();

const server = new CodeServer({ vsix, settings: demoSettings(process.env), name: 'demo', vscodeDefaults: true });
// The copy lives apart from code-server's own files, so that it can be kept when they are deleted.
const copyParent = fs.mkdtempSync(path.join(os.tmpdir(), 'evidence-pack-demo-'));
const folder = copyDir(source, path.join(copyParent, path.basename(source)));

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  await server.stop();
  server.cleanup();
  if (keep) process.stdout.write(`Stopped. The copy is kept: ${folder}\n`);
  else {
    fs.rmSync(copyParent, { recursive: true, force: true });
    process.stdout.write(`Stopped; deleted the copy ${folder}\n`);
  }
  process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

try {
  await server.start({ host, port: Number(process.env.EP_DEMO_PORT) || undefined });
} catch (e) {
  process.stderr.write(`${e.message}\n`);
  await stop(1);
}
const shownHost = host === '0.0.0.0' ? 'localhost' : host;
process.stdout.write(
  [
    '',
    'Evidence Pack demo: a real VS Code (code-server 4.100.3 = VS Code 1.100) with the extension installed.',
    `  open   http://${shownHost}:${server.port}/?folder=${encodeURI(folder)}`,
    `  pack   ${folder}`,
    `         a copy of ${path.relative(repoRoot, source) || source}: edit freely, the repository is not touched`,
    `  log    ${server.logFile}`,
    keep
      ? '  stop   Ctrl+C stops VS Code and keeps the copy (EP_DEMO_KEEP=1)'
      : '  stop   Ctrl+C stops VS Code and deletes the copy (EP_DEMO_KEEP=1 keeps it)',
    '',
  ].join('\n'),
);
server.exited.then((code) => {
  if (!stopping) {
    process.stderr.write(`code-server exited (${code}); see ${server.logFile}\n`);
    stop(1);
  }
});

// npm run demo:vscode — open the example pack in a real VS Code (code-server 4.100.3) for anyone without one.
// Builds and installs dist/evidence-pack.vsix, copies examples/demo-pack to a temp folder (so edits never
// touch the repo), starts code-server and prints the address. Runs until Ctrl+C.
//   EP_DEMO_PORT=8080      fixed port (default: a free one)
//   EP_DEMO_HOST=0.0.0.0   listen beyond localhost (there is no password: only on a trusted network)
//   EP_DEMO_PACK=dir       open another pack (copied as well)
//   EP_DEMO_LANG=zh-CN     evidencePack.language (default auto = VS Code's display language)
//   EP_VSIX=file.vsix      install that .vsix instead of building one
import path from 'node:path';
import { CodeServer, buildVsix, copyDir, repoRoot, setupVscode } from './vscode.mjs';

const source = path.resolve(process.env.EP_DEMO_PACK ?? path.join(repoRoot, 'examples/demo-pack'));
const host = process.env.EP_DEMO_HOST ?? '127.0.0.1';
const vsix = buildVsix();
setupVscode();

const settings = {};
if (process.env.EP_DEMO_LANG) settings['evidencePack.language'] = process.env.EP_DEMO_LANG;
const server = new CodeServer({ vsix, settings, name: 'demo' });
const folder = copyDir(source, path.join(server.tmp, path.basename(source)));

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  await server.stop();
  server.cleanup();
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
process.stdout.write([
  '',
  'Evidence Pack demo: a real VS Code (code-server 4.100.3 = VS Code 1.100) with the extension installed.',
  `  open   http://${shownHost}:${server.port}/?folder=${encodeURI(folder)}`,
  `  pack   ${folder}  (a copy of ${path.relative(repoRoot, source) || source}; edit freely)`,
  `  log    ${server.logFile}`,
  '  stop   Ctrl+C',
  '',
].join('\n'));
server.exited.then((code) => {
  if (!stopping) {
    process.stderr.write(`code-server exited (${code}); see ${server.logFile}\n`);
    stop(1);
  }
});

// One whole-pack check in a new process, as the CLI runs it: `node bench/cold-check.cjs ROOT [THREADS]`.
// THREADS > 1 analyses files on that many worker threads (src/core/parallel.ts). Prints the score and counts.
const path = require('node:path');
const engineFile = path.join(__dirname, '.work', 'engine.cjs');
const E = require(engineFile);
const [root, threads = '1'] = process.argv.slice(2);
(async () => {
  const host = { fs: E.nodeFileSystem, clock: { today: () => '2026-10-15' }, lang: 'zh-CN', workspaceRoot: root };
  const analyzer = Number(threads) > 1 ? E.startParallelAnalyzer({ script: engineFile, threads: Number(threads) }) : undefined;
  try {
    const r = await new E.Engine(host, analyzer ? { analyzeText: analyzer.analyzeText } : {}).checkPack(root);
    process.stdout.write(JSON.stringify({ score: r.score.score, diagnostics: r.diagnostics.length, entries: r.entries.length }));
  } finally { await analyzer?.close(); }
})();

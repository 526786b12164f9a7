// One whole-pack check in a new process, as the CLI runs it: `node bench/cold-check.cjs ROOT [THREADS]`.
// THREADS > 1 analyses files on that many worker threads as the CLI does (src/node/parallel.ts). Prints the score and counts.
const path = require('node:path');
const engineFile = path.join(__dirname, '.work', 'engine.cjs');
const E = require(engineFile);
const [root, threads = '1'] = process.argv.slice(2);
(async () => {
  const host = { fs: E.nodeFileSystem, clock: { today: () => '2026-10-15' }, lang: 'zh-CN', workspaceRoot: root };
  // As the CLI runs it: the first 200 files the fast path declines stay on this thread too.
  const analyzer =
    Number(threads) > 1 ? E.startParallelAnalyzer({ script: engineFile, threads: Number(threads), inThreadFirst: 200 }) : undefined;
  try {
    const r = await new E.Engine(host, analyzer ? { analyzeText: analyzer.analyzeText } : {}).checkPack(root);
    process.stdout.write(JSON.stringify({ score: r.score.score, diagnostics: r.diagnostics.length, entries: r.entries.length }));
  } finally {
    await analyzer?.close();
  }
})();

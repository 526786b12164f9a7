// Bundles the CLI, the extension and the webview with esbuild. Types are checked
// separately by `tsc --noEmit` (npm run typecheck): esbuild only strips them.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';

const common = { bundle: true, sourcemap: true, logLevel: 'warning', legalComments: 'none', loader: { '.yaml': 'text' } };
const watch = process.argv.includes('--watch');

await Promise.all([
  build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node',
    target: 'node20', format: 'cjs', banner: { js: '#!/usr/bin/env node' } }),
  build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js',
    platform: 'node', target: 'node18', format: 'cjs', external: ['vscode'], minify: !watch }),
  build({ ...common, entryPoints: ['src/webview/main.ts'], outfile: 'dist/webview.js',
    platform: 'browser', target: 'es2020', format: 'iife', minify: !watch }),
]);
chmodSync('dist/cli.js', 0o755);

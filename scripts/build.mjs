// Bundles the CLI, the extension and the webview with esbuild. Types are checked
// separately by `tsc --noEmit` (npm run typecheck): esbuild only strips them.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';
import { createRequire } from 'node:module';

// First the code generated from schemas/ (precompiled validators, parsed built-in standards).
await createRequire(import.meta.url)('./generate.cjs').generate();

const common = { bundle: true, sourcemap: true, logLevel: 'warning', legalComments: 'none', loader: { '.yaml': 'text' } };
const watch = process.argv.includes('--watch');

await Promise.all([
  build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli-main.js', platform: 'node',
    target: 'node20', format: 'cjs', minify: !watch }),
  // `evidence-pack` itself: loads cli-main.js with V8's code cache (scripts/cli-launcher.cjs).
  build({ entryPoints: ['scripts/cli-launcher.cjs'], outfile: 'dist/cli.js', platform: 'node', target: 'node20',
    format: 'cjs', logLevel: 'warning', banner: { js: '#!/usr/bin/env node' } }),
  build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js',
    platform: 'node', target: 'node18', format: 'cjs', external: ['vscode'], minify: !watch }),
  build({ ...common, entryPoints: ['src/webview/main.ts'], outfile: 'dist/webview.js',
    platform: 'browser', target: 'es2020', format: 'iife', minify: !watch }),
]);
chmodSync('dist/cli.js', 0o755);

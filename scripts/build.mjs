// Bundles the CLI, the extension and the webview with esbuild. Types are checked
// separately by `tsc --noEmit` (npm run typecheck): esbuild only strips them.
import { context } from 'esbuild';
import { chmodSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

// First the code generated from schemas/ (precompiled validators, parsed built-in standards).
await createRequire(import.meta.url)('./generate.cjs').generate();

const common = { bundle: true, sourcemap: true, logLevel: 'warning', legalComments: 'none', loader: { '.yaml': 'text' } };
const watch = process.argv.includes('--watch');

/** The Node entry's `import … from './browser'` is the browser bundle next to it at run time, not a second copy. */
const browserBundleExternal = {
  name: 'browser-bundle-external',
  setup(b) {
    b.onResolve({ filter: /^\.\/browser$/ }, () => ({ path: './browser.js', external: true }));
  },
};

// The exporters and the workbook reader (exceljs, docx, fflate) are their own file, dist/deliverables.js, which
// the CLI and the Node extension host require only when a user exports, bundles or imports a workbook: a
// `require` of src/present/formats/deliverables (present/formats/deliverablesLoader.ts for the xlsx and docx formats and
// the CLI's bundle and verify, sheet import's sheetFile.ts, the extension's Node entry) stays a require of
// ./deliverables.js at run time. The browser bundle has no `require`: there `__NODE__` is false, the formats
// that need it say so and sheet import reads CSV only.
const DELIVERABLES = path.resolve('src/present/formats/deliverables');
const lazyDeliverables = {
  name: 'lazy-deliverables',
  setup(b) {
    b.onResolve({ filter: /\/deliverables$/ }, (args) =>
      path.resolve(args.resolveDir, args.path) === DELIVERABLES ? { path: './deliverables.js', external: true } : undefined,
    );
  },
};

rmSync('dist/cli.js.map', { force: true }); // dist/cli.js is the launcher now; its old map misleads
const configs = [
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli-main.js',
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: !watch,
    define: { __NODE__: 'true' },
    plugins: [lazyDeliverables],
    // The ES module builds of the libraries, as the extension's bundles already use: esbuild joins their modules
    // into one scope instead of wrapping each CommonJS file and copying its exports (yaml's CommonJS build alone
    // is 60 such files). A cold `check examples/demo-pack`: 2.8% fewer instructions, 17 KB less to read.
    mainFields: ['module', 'main'],
    alias: { yaml: './node_modules/yaml/browser/index.js' },
  },
  {
    ...common,
    entryPoints: ['src/present/formats/deliverables.ts'],
    outfile: 'dist/deliverables.js',
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    minify: !watch,
  },
  // `evidence-pack` itself: loads cli-main.js with V8's code cache (scripts/cli-launcher.cjs).
  {
    entryPoints: ['scripts/cli-launcher.cjs'],
    outfile: 'dist/cli.js',
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    banner: { js: '#!/usr/bin/env node' },
  },
  // The extension: one bundle with no Node built-in, run by the web worker extension host as it is
  // (package.json "browser") and by the Node host through the small entry below ("main").
  {
    ...common,
    entryPoints: ['src/extension/browser.ts'],
    outfile: 'dist/browser.js',
    platform: 'browser',
    target: 'es2022',
    format: 'cjs',
    external: ['vscode'],
    minify: !watch,
    define: { __NODE__: 'false' },
  },
  {
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    external: ['vscode'],
    plugins: [browserBundleExternal, lazyDeliverables],
    minify: !watch,
    define: { __NODE__: 'true' },
  },
  {
    ...common,
    entryPoints: ['src/webview/main.ts'],
    outfile: 'dist/webview.js',
    platform: 'browser',
    target: 'es2020',
    format: 'iife',
    minify: !watch,
    define: { __NODE__: 'false' },
  },
];

// `npm run build -- --watch`: build once, then rebuild each bundle when a file it includes changes.
const contexts = await Promise.all(configs.map((c) => context(c)));
await Promise.all(contexts.map((c) => c.rebuild()));
chmodSync('dist/cli.js', 0o755);
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('build: watching for changes (Ctrl+C to stop)');
} else {
  await Promise.all(contexts.map((c) => c.dispose()));
}

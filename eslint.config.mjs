// The layers' boundaries (ARCHITECTURE.md, "Layers"), enforced: each directory's allowed imports as one
// no-restricted-imports entry, plus typescript-eslint's recommended rules without type information (type-aware
// linting would cost a full program build on every run; `npm run typecheck` already does that once).
// test/unit/lint.test.ts proves each boundary reports a violation.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const vscode = { name: 'vscode', message: 'vscode belongs to src/extension only.' };
// `fs` and `node:fs`, `fs/promises` and every other Node built-in.
const nodeBuiltins = {
  regex: `^(node:.*|(${builtinModules
    .filter((m) => !m.startsWith('_'))
    .map((m) => m.replace('/', '\\/'))
    .join('|')})(\\/.*)?)$`,
  message: 'A Node built-in: the host reaches the outside world through src/core/host.ts (adapters in src/node).',
};
/** A relative import that reaches into one of the named top-level layers (src/<layer>/…), from any depth. */
const layers = (names, message) => ({ regex: `^(\\.\\./)+(${names.join('|')})(/|$)`, message });
const restrict = (paths, patterns) => ({ 'no-restricted-imports': ['error', { paths, patterns }] });

export default tseslint.config(
  // What .gitignore ignores too: build output, and the VS Code that scripts/setup-vscode.sh installs into
  // .vscode-test/ on a fresh machine (CI) — its own tsconfig files confused the TypeScript parser there.
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'src/core/generated/**',
      '.vscode-test/**',
      'test/e2e/.vscode-test/**',
      'test/e2e/artifacts/**',
      'test/fixtures/**',
      'examples/**',
      'bench/.work/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, parserOptions: { tsconfigRootDir: import.meta.dirname } },
    rules: {
      // tsc reports unused locals and parameters already (noUnusedLocals / noUnusedParameters in tsconfig.json).
      '@typescript-eslint/no-unused-vars': 'off',
    },
  },
  {
    // CommonJS files: require is their module system.
    files: ['**/*.cjs', '**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Playwright runs some of these functions inside the page.
    files: ['test/e2e/**', 'bench/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['src/core/**'],
    rules: restrict(
      [vscode],
      [
        nodeBuiltins,
        layers(['node', 'present', 'cli', 'extension', 'protocol', 'webview'], 'src/core is the engine: it imports no other layer.'),
      ],
    ),
  },
  {
    files: ['src/present/**'],
    rules: restrict(
      [vscode],
      [nodeBuiltins, layers(['node', 'cli', 'extension', 'webview'], 'src/present serves every host (the browser too): src/core only.')],
    ),
  },
  {
    files: ['src/node/**'],
    rules: restrict([vscode], [layers(['cli', 'extension', 'webview'], 'src/node is the Node host for src/core.')]),
  },
  {
    files: ['src/cli/**'],
    rules: restrict([vscode], [layers(['extension', 'webview'], 'The CLI does not import the editor.')]),
  },
  {
    files: ['src/extension/**'],
    rules: restrict(
      [],
      [layers(['cli', 'webview'], 'The extension never imports src/cli: what both need lives in src/present or src/core.')],
    ),
  },
  {
    files: ['src/protocol/**'],
    rules: restrict(
      [vscode],
      [
        nodeBuiltins,
        layers(['node', 'present', 'cli', 'extension', 'webview'], 'The protocol is types shared by the extension and the webview.'),
      ],
    ),
  },
  {
    files: ['src/webview/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict([], [{ regex: '^(?!\\./|\\.\\./protocol/)', message: 'The webview imports only src/protocol and its own files.' }]),
  },
);

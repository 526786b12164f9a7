// The boundaries of ARCHITECTURE.md ("Layers"), checked: who may import whom, plus a few rules that catch
// dead code. Style is left as the code is written (two spaces, single quotes, semicolons): the stylistic
// rules below only hold that line, they do not reformat anything.
import tseslint from 'typescript-eslint';
import stylistic from '@stylistic/eslint-plugin';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const noNode = { paths: nodeBuiltins.map((name) => ({ name, message: 'No Node built-in here: this layer runs in a browser too (ARCHITECTURE.md, "Layers"); use the host (src/core/host.ts).' })) };
const pattern = (group, message) => ({ group, message });

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test/e2e/.vscode-test/**', 'bench/.work/**', '.vscode-test/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.base],
    plugins: { '@typescript-eslint': tseslint.plugin, '@stylistic': stylistic },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { args: 'after-used', argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      'no-debugger': 'error',
      'no-var': 'error',
      'prefer-const': ['error', { destructuring: 'all' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      '@stylistic/semi': ['error', 'always'],
      '@stylistic/quotes': ['error', 'single', { avoidEscape: true, allowTemplateLiterals: 'always' }],
      '@stylistic/indent': ['error', 2, { SwitchCase: 1, ignoredNodes: ['TemplateLiteral *', 'ConditionalExpression', 'TSUnionType', 'TSIntersectionType'], flatTernaryExpressions: true, offsetTernaryExpressions: true }],
      '@stylistic/no-trailing-spaces': 'error',
      '@stylistic/eol-last': 'error',
      '@stylistic/no-tabs': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        ...noNode,
        patterns: [
          pattern(['vscode'], 'src/core never imports vscode: the CLI, the extension and the browser share it.'),
          pattern(['**/cli/**', '**/extension/**', '**/present/**', '**/node/**', '**/webview/**', '**/protocol/**'], 'src/core imports only itself (ARCHITECTURE.md, "Layers").'),
        ],
      }],
    },
  },
  {
    files: ['src/present/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        ...noNode,
        patterns: [
          pattern(['vscode'], 'src/present is shared by every host: no vscode.'),
          pattern(['**/cli/**', '**/extension/**', '**/node/**', '**/webview/**'], 'src/present imports only src/core (ARCHITECTURE.md, "Layers").'),
        ],
      }],
    },
  },
  {
    files: ['src/extension/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [pattern(['**/cli', '**/cli/**'], 'The extension never imports src/cli: output formats are in src/present/formats.')] }],
    },
  },
  {
    files: ['src/webview/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [pattern(['**/core/**', '**/present/**', '**/extension/**', '**/cli/**', '**/node/**', 'vscode'], 'The webview renders what it is sent: it imports src/protocol only.')] }],
    },
  },
  {
    files: ['src/cli/**/*.ts', 'src/node/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [pattern(['vscode', '**/extension/**', '**/webview/**'], 'The CLI and the Node host know nothing of the editor.')] }],
    },
  },
);

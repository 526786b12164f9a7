// The layers' boundaries (ARCHITECTURE.md, "Layers") are eslint.config.mjs's no-restricted-imports entries.
// A boundary that cannot fail is not one: each import below, placed as if it were a file of that layer, must be
// reported, and the imports each layer is allowed must not be.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ESLint } from 'eslint';

const root = path.join(__dirname, '..', '..');

describe("lint: the layers' boundaries", function () {
  this.timeout(60000);
  const eslint = new ESLint({ cwd: root });
  /** The restricted-import messages ESLint reports for `source` as the file `file` (relative to the repository). */
  async function violations(file: string, source: string): Promise<string[]> {
    const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
    return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
  }

  const forbidden: [file: string, source: string][] = [
    ['src/core/fixture.ts', "import { readFileSync } from 'fs';"],
    ['src/core/fixture.ts', "import * as path from 'node:path';"],
    ['src/core/fixture.ts', "import { promises } from 'fs/promises';"],
    ['src/core/rules/fixture.ts', "import { Worker } from 'worker_threads';"],
    ['src/core/parse/fixture.ts', "import type { TextDocument } from 'vscode';"],
    ['src/core/fixture.ts', "import { nodeFs } from '../node/nodeFs';"],
    ['src/core/standard/fixture.ts', "import { t } from '../../present/catalogue';"],
    ['src/core/fixture.ts', "export { main } from '../cli/main';"],
    ['src/present/fixture.ts', "import * as vscode from 'vscode';"],
    ['src/present/formats/fixture.ts', "import { writeFileSync } from 'node:fs';"],
    ['src/present/formats/fixture.ts', "import { run } from '../../cli/main';"],
    ['src/extension/commands/fixture.ts', "import { writeOutput } from '../../cli/output';"],
    ['src/extension/fixture.ts', "import { main } from '../cli/main';"],
    ['src/webview/fixture.ts', "import type { Lang } from '../core/types';"],
    ['src/webview/fixture.ts', "import * as vscode from 'vscode';"],
    ['src/webview/fixture.ts', "import { t } from '../present/catalogue';"],
    ['src/cli/fixture.ts', "import * as vscode from 'vscode';"],
    ['src/node/fixture.ts', "import { activate } from '../extension/activate';"],
  ];
  for (const [file, source] of forbidden) {
    it(`reports ${source} in ${file}`, async () => {
      assert.equal((await violations(file, source)).length, 1, `${file}: ${source} should be reported`);
    });
  }

  const allowed: [file: string, source: string][] = [
    ['src/core/rules/fixture.ts', "import { msg } from '../messages';\nimport { parseDocument } from 'yaml';"],
    ['src/present/formats/fixture.ts', "import type { Lang } from '../../core/types';\nimport { t } from '../catalogue';"],
    ['src/node/fixture.ts', "import { readFileSync } from 'node:fs';\nimport type { Host } from '../core/host';"],
    [
      'src/extension/panel/fixture.ts',
      "import * as vscode from 'vscode';\nimport { t } from '../../present/catalogue';\nimport type { PanelModel } from '../../protocol/messages';",
    ],
    ['src/webview/fixture.ts', "import type { PanelModel } from '../protocol/messages';\nimport './panel.css';"],
    ['src/cli/fixture.ts', "import { spawn } from 'node:child_process';\nimport { t } from '../present/catalogue';"],
  ];
  for (const [file, source] of allowed) {
    it(`allows what ${file} may import`, async () => {
      assert.deepEqual(await violations(file, source), []);
    });
  }
});

// `npm run lint` also runs `prettier --check .`: the code is in one layout, whoever wrote it.
describe('lint: one layout for the code (Prettier)', function () {
  this.timeout(60000);
  /** Prettier's verdict on `source` as the file `file`, with the repository's own configuration and ignore file. */
  async function formatted(file: string, source: string): Promise<boolean | 'ignored'> {
    const prettier = await import('prettier');
    const filepath = path.join(root, file);
    const info = await prettier.getFileInfo(filepath, { ignorePath: path.join(root, '.prettierignore') });
    if (info.ignored) return 'ignored';
    const options = await prettier.resolveConfig(filepath);
    return prettier.check(source, { ...options, filepath });
  }

  it('reports code that is not in the layout, in every layer and in the tests', async () => {
    for (const file of ['src/core/fixture.ts', 'src/webview/panel.css', 'test/unit/fixture.test.ts', 'scripts/fixture.mjs']) {
      const source = file.endsWith('.css') ? 'body{color:red}\n' : 'const  a = "x"\n';
      assert.equal(await formatted(file, source), false, `${file} should be reported`);
    }
  });

  it("keeps the house style (single quotes, lines up to 140) and leaves the users' formats and the prose alone", async () => {
    assert.equal(await formatted('src/core/fixture.ts', `const a = '${'x'.repeat(120)}';\n`), true);
    assert.equal(await formatted('src/core/fixture.ts', `const a = "x";\n`), false);
    for (const file of [
      'schemas/standards/gbt27922-2011.yaml',
      'examples/demo-pack/evidence/fixture.md',
      'docs/fixture.md',
      'test/fixtures/fixture.ts',
    ]) {
      assert.equal(await formatted(file, 'a:   1\n'), 'ignored', `${file} is not Prettier's to change`);
    }
  });
});

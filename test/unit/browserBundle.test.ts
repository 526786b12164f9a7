// dist/browser.js is what vscode.dev and github.dev run, in a web worker: no Node built-in, no `process`,
// no Buffer, and no code made from strings (`eval`, `new Function`: a Content Security Policy may forbid
// them; ajv's validators are compiled at build time for this). Also what the Node host runs (dist/extension.js
// adds Node's fs to it), so the engine ships once.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

const repo = path.resolve(__dirname, '../..');
const bundle = path.join(repo, 'dist/browser.js');

describe('the browser bundle (dist/browser.js)', () => {
  before(function () {
    if (!existsSync(bundle)) this.skip();
  }); // `npm test` builds first

  it('has no eval, no new Function and no import of a Node built-in', () => {
    const code = readFileSync(bundle, 'utf8');
    assert.doesNotMatch(code, /new Function\s*\(/, 'new Function');
    assert.doesNotMatch(code, /(^|[^.\w$])eval\s*\(/, 'eval(');
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    const required = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)]
      .map((m) => m[1]!)
      .filter((m) => !/^ajv\/dist\/runtime\//.test(m)); // a string in ajv's generated code (`.code`), never called
    assert.deepEqual([...new Set(required)], ['vscode']);
    assert.deepEqual(
      required.filter((m) => builtins.has(m)),
      [],
    );
    assert.doesNotMatch(code, /["'`]node:[a-z_/]+["'`]/, 'a node: specifier');
  });

  it('loads where only web-worker globals exist (no process, Buffer, require or __dirname)', () => {
    const code = readFileSync(bundle, 'utf8');
    const requested: string[] = [];
    // Every name of the vscode API is another callable, constructible stub; the module object inherits from
    // it, so the bundle's ESM interop (which copies own keys and keeps the prototype) still finds every name.
    const stub: object = new Proxy(
      function () {
        /* any API */
      },
      {
        get: (_t, k) => (k === 'then' || typeof k === 'symbol' ? undefined : k === '__esModule' ? false : stub),
        apply: () => stub,
        construct: () => stub,
      },
    );
    const vscodeStub = Object.create(stub) as object;
    const module = { exports: {} as Record<string, unknown> };
    const sandbox = vm.createContext({
      module,
      exports: module.exports,
      console,
      setTimeout,
      clearTimeout,
      queueMicrotask,
      TextEncoder,
      TextDecoder,
      URL,
      crypto,
      require: (id: string) => {
        requested.push(id);
        if (id !== 'vscode') throw new Error(`no module ${id} in a web worker`);
        return vscodeStub;
      },
    });
    vm.runInContext(code, sandbox, { filename: bundle });
    assert.deepEqual([...new Set(requested)], ['vscode']);
    assert.equal(typeof module.exports.activate, 'function');
    assert.equal(typeof module.exports.deactivate, 'function');
    assert.equal(vm.runInContext('typeof process + typeof Buffer', sandbox), 'undefinedundefined');
  });

  it("the Node entry is the browser bundle plus Node's fs", () => {
    const node = readFileSync(path.join(repo, 'dist/extension.js'), 'utf8');
    assert.ok(node.length < 8 * 1024, `dist/extension.js is ${node.length} bytes: it bundles the engine a second time`);
    assert.match(node, /require\(["']\.\/browser\.js["']\)/);
  });
});

// Lets mocha load the TypeScript sources directly: esbuild strips the types (tsc checks
// them in `npm run typecheck`), and .yaml files load as text like in the esbuild bundle.
const fs = require('node:fs');
const { transformSync } = require('esbuild');

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    loader: 'ts',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    sourcefile: filename,
    define: { __NODE__: 'true' },
  });
  module._compile(code, filename);
};
require.extensions['.yaml'] = (module, filename) => {
  module.exports = { __esModule: true, default: fs.readFileSync(filename, 'utf8') };
};

// The path helpers are written out (the browser build has no node:path): they must read every path
// exactly as node:path/posix does.
import { strict as assert } from 'node:assert';
import * as nodePosix from 'node:path/posix';
import fc from 'fast-check';
import { posix } from '../../src/core/paths';

const segment = fc.constantFrom('', '.', '..', 'a', 'b', 'ab', '...', 'c.d', ' ', 'é');
const pathArb = fc.tuple(fc.boolean(), fc.array(segment, { maxLength: 7 }), fc.boolean())
  .map(([abs, segs, trailing]) => (abs ? '/' : '') + segs.join('/') + (trailing ? '/' : ''));
const absArb = pathArb.map((p) => `/${p}`);

describe('path helpers (core/paths.ts) against node:path/posix', () => {
  it('normalize, dirname, basename', () => {
    fc.assert(fc.property(pathArb, (p) => {
      assert.equal(posix.normalize(p), nodePosix.normalize(p), `normalize ${JSON.stringify(p)}`);
      assert.equal(posix.dirname(p), nodePosix.dirname(p), `dirname ${JSON.stringify(p)}`);
      assert.equal(posix.basename(p), nodePosix.basename(p), `basename ${JSON.stringify(p)}`);
    }), { numRuns: 5000 });
    for (const p of ['', '/', '//', '///a//', 'a', './', '../', '/..', 'a/..', '/a/b/', '//a']) {
      assert.equal(posix.normalize(p), nodePosix.normalize(p), p);
      assert.equal(posix.dirname(p), nodePosix.dirname(p), p);
      assert.equal(posix.basename(p), nodePosix.basename(p), p);
    }
  });
  it('join', () => {
    fc.assert(fc.property(fc.array(pathArb, { maxLength: 4 }), (parts) => {
      assert.equal(posix.join(...parts), nodePosix.join(...parts), JSON.stringify(parts));
    }), { numRuns: 5000 });
  });
  it('relative between absolute paths', () => {
    fc.assert(fc.property(absArb, absArb, (a, b) => {
      assert.equal(posix.relative(a, b), nodePosix.relative(a, b), `${a} → ${b}`);
    }), { numRuns: 5000 });
  });
});

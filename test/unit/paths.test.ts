// The path helpers are written out (the browser build has no node:path): they must read every path
// exactly as node:path/posix does.
import { strict as assert } from 'node:assert';
import * as nodePosix from 'node:path/posix';
import fc from 'fast-check';
import { basename, dirname, isInside, joinPath, normalizePath, posix, relativePath } from '../../src/core/paths';

const segment = fc.constantFrom('', '.', '..', 'a', 'b', 'ab', '...', 'c.d', ' ', 'é');
const pathArb = fc
  .tuple(fc.boolean(), fc.array(segment, { maxLength: 7 }), fc.boolean())
  .map(([abs, segs, trailing]) => (abs ? '/' : '') + segs.join('/') + (trailing ? '/' : ''));
const absArb = pathArb.map((p) => `/${p}`);

describe('path helpers (core/paths.ts) against node:path/posix', () => {
  it('normalize, dirname, basename', () => {
    fc.assert(
      fc.property(pathArb, (p) => {
        assert.equal(posix.normalize(p), nodePosix.normalize(p), `normalize ${JSON.stringify(p)}`);
        assert.equal(posix.dirname(p), nodePosix.dirname(p), `dirname ${JSON.stringify(p)}`);
        assert.equal(posix.basename(p), nodePosix.basename(p), `basename ${JSON.stringify(p)}`);
      }),
      { numRuns: 5000 },
    );
    for (const p of ['', '/', '//', '///a//', 'a', './', '../', '/..', 'a/..', '/a/b/', '//a']) {
      assert.equal(posix.normalize(p), nodePosix.normalize(p), p);
      assert.equal(posix.dirname(p), nodePosix.dirname(p), p);
      assert.equal(posix.basename(p), nodePosix.basename(p), p);
    }
  });
  it('join', () => {
    fc.assert(
      fc.property(fc.array(pathArb, { maxLength: 4 }), (parts) => {
        assert.equal(posix.join(...parts), nodePosix.join(...parts), JSON.stringify(parts));
      }),
      { numRuns: 5000 },
    );
  });
  it('relative between absolute paths', () => {
    fc.assert(
      fc.property(absArb, absArb, (a, b) => {
        assert.equal(posix.relative(a, b), nodePosix.relative(a, b), `${a} → ${b}`);
      }),
      { numRuns: 5000 },
    );
  });
});

// The helpers built on posix: one path form (forward slashes, no trailing slash), drive letters, the root rule.
const segment2 = fc.constantFrom('a', 'b', 'bc', '.', '..', '', '证据', 'x y', '.hidden');
const relPath = fc.array(segment2, { maxLength: 6 }).map((s) => s.join('/'));
const absPath = relPath.map((r) => `/${r}`);

describe('path helpers (core/paths.ts) as every view uses them', () => {
  it('agree with path.posix on normalize, join, dirname, basename and relative', () => {
    fc.assert(
      fc.property(absPath, relPath, absPath, (a, r, b) => {
        const norm = (p: string) => {
          const n = nodePosix.normalize(p);
          return n.length > 1 && n.endsWith('/') ? n.slice(0, -1) : n;
        };
        assert.equal(normalizePath(a), norm(a));
        assert.equal(joinPath(a, r), norm(nodePosix.join(a, r)));
        assert.equal(dirname(a), norm(nodePosix.dirname(norm(a))));
        assert.equal(basename(a), nodePosix.basename(a));
        assert.equal(relativePath(a, b), nodePosix.relative(a, b) || '.');
      }),
      { numRuns: 3000 },
    );
  });

  it('keep Windows drive letters, compare them case-insensitively, and leave other drives and ids as they are', () => {
    assert.equal(normalizePath('C:\\pack\\.\\x\\..\\5.1.evidence.yaml'), 'C:/pack/5.1.evidence.yaml');
    assert.equal(relativePath('C:/work', 'c:/work/pack/a.yaml'), 'pack/a.yaml');
    assert.equal(relativePath('C:/work', 'D:/elsewhere/a.yaml'), 'D:/elsewhere/a.yaml');
    assert.equal(relativePath('/work', 'builtin:gbt27922-2011'), 'builtin:gbt27922-2011');
    assert.equal(relativePath('/work/pack', '/work/pack'), '.');
    assert.equal(dirname('C:/a'), 'C:/');
  });

  it('count the root itself as inside, and a sibling with the same prefix as outside', () => {
    assert.equal(isInside('/w/pack', '/w/pack'), true);
    assert.equal(isInside('/w/pack', '/w/pack/a/b.yaml'), true);
    assert.equal(isInside('/w/pack', '/w/package/b.yaml'), false);
    assert.equal(isInside('/w/pack/', '/w/pack/x/../b.yaml'), true);
    assert.equal(isInside('/w/pack', '/w/pack/../other'), false);
  });
});

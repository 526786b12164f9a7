// LeafMerger (the incremental merge) against mergeLeaves (the reference): after any sequence of
// file edits, appends, removals and leaf-list changes, both give the same fact sheets — the same
// entry objects in the same order — and a result handed out earlier is never changed afterwards.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { LeafMerger, mergeLeaves, type LeafFacts } from '../../src/core/leafFacts';
import type { Clause, ClauseEntry, ClauseStatus, EvidenceItem, FileResult } from '../../src/core/types';

const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const R = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function clause(id: string, order = 0): Clause {
  return {
    id,
    title: { 'zh-CN': id, en: id },
    points: 10,
    pointsText: '10',
    requires: ['record'],
    sampled: false,
    excludable: true,
    children: [],
    order,
  };
}
function entry(id: string, extra: Partial<ClauseEntry> = {}): ClauseEntry {
  return { clause: id, file: 'f', idRange: R, range: R, evidence: [], ...extra };
}
function item(kindId: string | undefined, counts = true): EvidenceItem {
  return { kind: kindId ?? 'unknown kind', kindId, range: R, counts };
}
function file(name: string, entries: ClauseEntry[]): FileResult {
  return { file: name, entries, diagnostics: [], links: [] };
}

/** The merger's result equals the reference: every field, entries by identity, kinds by members. */
function assertSameFacts(actual: LeafFacts[], expected: LeafFacts[]): void {
  assert.equal(actual.length, expected.length);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i],
      e = expected[i];
    assert.deepEqual(Object.keys(a).sort(), Object.keys(e).sort());
    assert.equal(a.leaf, e.leaf);
    for (const key of ['firstEntry', 'statusEntry', 'samplesEntry', 'awardedEntry', 'samples'] as const)
      assert.equal(a[key], e[key], `${e.leaf.id} ${key}`);
    for (const key of ['conflicts', 'excludedEntries'] as const) {
      assert.equal(a[key].length, e[key].length, `${e.leaf.id} ${key}`);
      a[key].forEach((x, k) => assert.equal(x, e[key][k], `${e.leaf.id} ${key}[${k}]`));
    }
    assert.deepEqual([...a.countingKinds].sort(), [...e.countingKinds].sort(), `${e.leaf.id} countingKinds`);
    // Everything else (counts, status, awarded, justification), and the above once more by value.
    assert.deepEqual({ ...a, countingKinds: [...a.countingKinds].sort() }, { ...e, countingKinds: [...e.countingKinds].sort() });
  }
}

/** Merges with both and compares; returns both results so a later step can check the old one stayed. */
function check(merger: LeafMerger, leaves: Clause[], files: FileResult[]) {
  const actual = merger.merge(leaves, files);
  const expected = mergeLeaves(leaves, files);
  assertSameFacts(actual, expected);
  return { actual, expected };
}

// ------------------------------------------------------------------ random packs

const IDS = ['1.1', '1.2', '1.3', '2.1', '2.2', '2.3'];
const KINDS = ['record', 'document', 'photo'];
const STATUSES: ClauseStatus[] = ['conforming', 'partial', 'nonconforming', 'excluded'];

/** 3–6 leaves; an id may repeat (the last leaf of an id gets its entries, in both merges). */
const leavesArb = fc.array(fc.constantFrom(...IDS), { minLength: 3, maxLength: 6 }).map((ids) => ids.map(clause));
const itemArb = fc
  .record({ kindId: fc.option(fc.constantFrom(...KINDS), { nil: undefined }), counts: fc.boolean() })
  .map(({ kindId, counts }) => item(kindId, counts));
const entryArb = fc
  .record({
    // '9.9' is a clause no leaf list has.
    id: fc.constantFrom(...IDS, '9.9'),
    status: fc.option(fc.constantFrom(...STATUSES), { nil: undefined }),
    samples: fc.option(fc.record({ size: fc.nat(5), nonconforming: fc.nat(5) }), { nil: undefined, freq: 3 }),
    awarded: fc.option(fc.nat(10), { nil: undefined, freq: 3 }),
    justification: fc.option(fc.constantFrom('', 'why', 'because'), { nil: undefined }),
    evidence: fc.array(itemArb, { maxLength: 3 }),
  })
  .map(({ id, status, samples, awarded, justification, evidence }) =>
    entry(id, {
      ...(status ? { status } : {}),
      ...(samples ? { samples: { ...samples, range: R } } : {}),
      ...(awarded !== undefined ? { awarded } : {}),
      ...(justification !== undefined ? { justification } : {}),
      evidence,
    }),
  );
const fileArb = fc.array(entryArb, { maxLength: 6 }).map((entries) => file('f', entries));

type Op =
  | { kind: 'replace'; at: number; file: FileResult; inPlace: boolean }
  | { kind: 'replaceMany'; edits: { at: number; file: FileResult }[] }
  | { kind: 'copy'; at: number }
  | { kind: 'same' }
  | { kind: 'append'; file: FileResult }
  | { kind: 'remove'; at: number }
  | { kind: 'leaves'; leaves: Clause[] | undefined }
  | { kind: 'foreign'; leaves: Clause[]; at: number; file: FileResult };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), file: fileArb, inPlace: fc.boolean() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('replaceMany' as const),
      edits: fc.array(fc.record({ at: fc.nat(), file: fileArb }), { minLength: 2, maxLength: 5 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('copy' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'same' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('append' as const), file: fileArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }) },
  // undefined: a copy of the same list (a new identity, the same leaves)
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('leaves' as const), leaves: fc.option(leavesArb, { nil: undefined }) }) },
  // Someone else merges the same file results against another leaf list (re-resolving their
  // parts), then a file changes: the merger must still take the old file out of the right leaves.
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('foreign' as const), leaves: leavesArb, at: fc.nat(), file: fileArb }) },
);

describe('LeafMerger', () => {
  it('gives what mergeLeaves gives after any sequence of edits (property)', () => {
    let updates = 0;
    fc.assert(
      fc.property(
        leavesArb,
        fc.array(fileArb, { maxLength: 12 }),
        fc.array(opArb, { minLength: 1, maxLength: 25 }),
        (leaves0, files0, ops) => {
          const merger = new LeafMerger();
          let leaves = leaves0;
          let files = files0.slice();
          let prev = check(merger, leaves, files);
          for (const op of ops) {
            switch (op.kind) {
              case 'replace':
                if (!files.length) continue;
                if (!op.inPlace) files = files.slice(); // the caller may pass a new array or reuse its own
                files[op.at % files.length] = op.file;
                break;
              case 'replaceMany':
                if (!files.length) continue;
                files = files.slice();
                for (const e of op.edits) files[e.at % files.length] = e.file;
                break;
              case 'copy': {
                if (!files.length) continue;
                const i = op.at % files.length;
                files = files.slice();
                files[i] = { ...files[i] }; // the same entries in a new result object
                break;
              }
              case 'same':
                break;
              case 'append':
                files = [...files, op.file];
                break;
              case 'remove':
                if (!files.length) continue;
                files = files.filter((_, i) => i !== op.at % files.length);
                break;
              case 'leaves':
                leaves = op.leaves ?? leaves.slice();
                break;
              case 'foreign':
                mergeLeaves(op.leaves, files);
                if (!files.length) break;
                files = files.slice();
                files[op.at % files.length] = op.file;
                break;
            }
            const now = check(merger, leaves, files);
            if (merger.lastMerge === 'update' && op.kind !== 'same') updates++;
            // The result handed out before is untouched.
            assertSameFacts(prev.actual, prev.expected);
            prev = now;
          }
        },
      ),
      { numRuns: 300, seed: SEED },
    );
    assert.ok(updates > 100, `only ${updates} incremental merges`);
  });

  const leaves = ['1.1', '1.2', '1.3'].map(clause);
  /** Eight files without entries, then the given ones: a single edit is well below the rebuild limit. */
  const pack = (...files: FileResult[]) => [...Array.from({ length: 8 }, (_, i) => file(`pad${i}`, [])), ...files];

  it('moves the status to the next file when its file drops it, and re-derives the conflicts', () => {
    const a1 = entry('1.1', { status: 'conforming' });
    const b1 = entry('1.1', { status: 'partial' });
    const b2 = entry('1.1', { status: 'nonconforming' });
    const c1 = entry('1.1', { status: 'conforming' });
    const c2 = entry('1.1', { status: 'partial' });
    let files = pack(file('a', [a1]), file('b', [b1, b2]), file('c', [c1, c2]));
    const merger = new LeafMerger();
    let f = check(merger, leaves, files).actual[0];
    assert.equal(f.status, 'conforming');
    assert.equal(f.statusEntry, a1);
    assert.deepEqual(f.conflicts, [b1, b2, c2]);

    // a says nothing about the status any more: b's first status wins, and its second group and c conflict.
    const a1b = entry('1.1');
    files = files.slice();
    files[8] = file('a', [a1b]);
    f = check(merger, leaves, files).actual[0];
    assert.equal(merger.lastMerge, 'update');
    assert.equal(f.status, 'partial');
    assert.equal(f.statusEntry, b1);
    assert.equal(f.firstEntry, a1b);
    assert.deepEqual(f.conflicts, [b2, c1]);

    // a takes the leaf out altogether: the first entry moves to b too.
    files = files.slice();
    files[8] = file('a', []);
    f = check(merger, leaves, files).actual[0];
    assert.equal(merger.lastMerge, 'update');
    assert.equal(f.firstEntry, b1);
    assert.equal(f.statusEntry, b1);

    // And back: a's status wins again.
    files = files.slice();
    files[8] = file('a', [entry('1.1', { status: 'nonconforming' })]);
    f = check(merger, leaves, files).actual[0];
    assert.equal(f.status, 'nonconforming');
    assert.deepEqual(f.conflicts, [b1, c1, c2]);
  });

  it('takes samples, awarded and justification from the next file when the first one drops them', () => {
    const a = entry('1.2', { samples: { size: 10, nonconforming: 1, range: R }, awarded: 4, justification: 'a' });
    const b = entry('1.2', { samples: { size: 20, nonconforming: 2, range: R }, awarded: 6, justification: 'b' });
    let files = pack(file('a', [a]), file('x', [entry('1.1')]), file('b', [b]));
    const merger = new LeafMerger();
    let f = check(merger, leaves, files).actual[1];
    assert.equal(f.samplesEntry, a);
    assert.equal(f.samples, a.samples);
    assert.equal(f.awarded, 4);
    assert.equal(f.justification, 'a');

    files = files.slice();
    files[8] = file('a', [entry('1.2', { justification: '' })]);
    f = check(merger, leaves, files).actual[1];
    assert.equal(merger.lastMerge, 'update');
    assert.equal(f.samplesEntry, b);
    assert.deepEqual(f.samples, { size: 20, nonconforming: 2, range: R });
    assert.equal(f.awardedEntry, b);
    assert.equal(f.awarded, 6);
    assert.equal(f.justification, 'b');
    assert.equal(f.firstEntry, files[8].entries[0]);
  });

  it('follows an edit that only changes evidence counts', () => {
    const a = entry('1.3', { evidence: [item('record'), item('photo', false)] });
    const b = entry('1.3', { evidence: [item('record'), item('document')] });
    let files = pack(file('a', [a]), file('b', [b]));
    const merger = new LeafMerger();
    let f = check(merger, leaves, files).actual[2];
    assert.deepEqual([f.evidenceCount, f.countingEvidence, [...f.countingKinds]], [4, 3, ['document', 'record']]);

    // b's record stops counting: a's still counts, so the kind stays; document goes.
    files = files.slice();
    files[9] = file('b', [entry('1.3', { evidence: [item('record', false), item('document', false), item(undefined)] })]);
    f = check(merger, leaves, files).actual[2];
    assert.equal(merger.lastMerge, 'update');
    assert.deepEqual([f.evidenceCount, f.countingEvidence, [...f.countingKinds]], [5, 1, ['record']]);

    // Then a's photo counts and its record goes.
    files = files.slice();
    files[8] = file('a', [entry('1.3', { evidence: [item('photo')] })]);
    f = check(merger, leaves, files).actual[2];
    assert.deepEqual([f.evidenceCount, f.countingEvidence, [...f.countingKinds]], [4, 1, ['photo']]);
    assert.equal(f.firstEntry, files[8].entries[0]);
  });

  it('lists excluded entries of several files in pack order', () => {
    const x = (n: string) => entry('1.1', { status: 'excluded', justification: n });
    const [a1, a2, b1, c1] = [x('a1'), x('a2'), x('b1'), x('c1')];
    let files = pack(file('a', [a1, entry('1.2'), a2]), file('b', [b1]), file('c', [entry('1.1', { status: 'conforming' }), c1]));
    const merger = new LeafMerger();
    let f = check(merger, leaves, files).actual[0];
    assert.deepEqual(f.excludedEntries, [a1, a2, b1, c1]);
    assert.equal(f.justification, 'a1');
    assert.deepEqual(f.conflicts, [files[10].entries[0]]);

    // The middle file changes its exclusion to a status of its own.
    files = files.slice();
    const b2 = entry('1.1', { status: 'partial' });
    files[9] = file('b', [b2]);
    f = check(merger, leaves, files).actual[0];
    assert.equal(merger.lastMerge, 'update');
    assert.deepEqual(f.excludedEntries, [a1, a2, c1]);
    assert.deepEqual(f.conflicts, [b2, files[10].entries[0]]);

    // The first file stops excluding: b's status wins and the exclusions left are conflicts.
    files = files.slice();
    files[8] = file('a', []);
    f = check(merger, leaves, files).actual[0];
    assert.equal(f.status, 'partial');
    assert.deepEqual(f.excludedEntries, [c1]);
    assert.deepEqual(f.conflicts, [files[10].entries[0], c1]);
    assert.equal(f.justification, 'c1');
  });

  it('starts over for a new leaf list, a new file count or many changed files, and updates otherwise', () => {
    const files = pack(file('a', [entry('1.1', { status: 'conforming' })]));
    const merger = new LeafMerger();
    check(merger, leaves, files);
    assert.equal(merger.lastMerge, 'rebuild');
    check(merger, leaves, files);
    assert.equal(merger.lastMerge, 'update');
    check(merger, leaves.slice(), files);
    assert.equal(merger.lastMerge, 'rebuild');
    const more = [...files, file('b', [])];
    check(merger, leaves, more);
    assert.equal(merger.lastMerge, 'rebuild');
    // Every file changed (a copy of each): more than the limit.
    check(
      merger,
      leaves,
      more.map((r) => ({ ...r })),
    );
    assert.equal(merger.lastMerge, 'rebuild');
  });
});

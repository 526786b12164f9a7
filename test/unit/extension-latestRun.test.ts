// Rapid typing: many scheduled checks, runs that finish out of order. Only the newest result
// may reach the Problems view and the score; nothing after a pack went away.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { LatestRun, type Timers } from '../../src/extension/service/latestRun';

/** Manual timers and manually resolved runs: the test decides what finishes when. */
function harness() {
  const pending = new Map<number, () => void>();
  let nextTimer = 0;
  const timers: Timers = {
    set: (fn) => {
      const id = ++nextTimer;
      pending.set(id, fn);
      return id;
    },
    clear: (h) => {
      pending.delete(h as number);
    },
  };
  const runs: { key: string; n: number; resolve: (v: string) => void }[] = [];
  let started = 0;
  const published: [string, string][] = [];
  const latest = new LatestRun<string, string>(
    (key) =>
      new Promise<string>((resolve) => {
        runs.push({ key, n: ++started, resolve });
      }),
    (key, r) => published.push([key, r]),
    timers,
  );
  const fireTimers = () => {
    const fns = [...pending.values()];
    pending.clear();
    fns.forEach((f) => f());
  };
  const flush = () => new Promise((r) => setImmediate(r));
  return { latest, runs, published, fireTimers, flush, pending };
}

describe('extension latest-wins checks', () => {
  it('debounces: ten keystrokes schedule one check', async () => {
    const h = harness();
    for (let i = 0; i < 10; i++) h.latest.schedule('/p', 300);
    assert.equal(h.pending.size, 1);
    h.fireTimers();
    assert.equal(h.runs.length, 1);
    h.runs[0].resolve('r1');
    await h.flush();
    assert.deepEqual(h.published, [['/p', 'r1']]);
  });

  it('drops a check that finishes after a newer one started', async () => {
    const h = harness();
    const first = h.latest.now('/p');
    const second = h.latest.now('/p');
    h.runs[1].resolve('new');
    h.runs[0].resolve('old');
    assert.equal(await second, 'new');
    assert.equal(await first, undefined);
    assert.deepEqual(h.published, [['/p', 'new']]);
  });

  it('a keystroke during a check makes that check stale', async () => {
    const h = harness();
    const running = h.latest.now('/p');
    h.latest.schedule('/p', 300);
    h.runs[0].resolve('before the keystroke');
    assert.equal(await running, undefined);
    h.fireTimers();
    h.runs[1].resolve('after');
    await h.flush();
    assert.deepEqual(h.published, [['/p', 'after']]);
  });

  it('keeps packs apart and publishes nothing for a cancelled pack', async () => {
    const h = harness();
    const a = h.latest.now('/a');
    const b = h.latest.now('/b');
    h.latest.cancel('/b');
    h.runs[1].resolve('b');
    h.runs[0].resolve('a');
    await Promise.all([a, b]);
    assert.deepEqual(h.published, [['/a', 'a']]);
  });

  it('whatever the order of completions, the last published result per pack is the newest run', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('/a', '/b'), { minLength: 1, maxLength: 12 }),
        fc.func(fc.integer()),
        async (keys, order) => {
          const h = harness();
          const done = keys.map((k) => h.latest.now(k));
          const sorted = [...h.runs].sort((x, y) => order(x.n) - order(y.n) || x.n - y.n);
          for (const r of sorted) {
            r.resolve(`${r.key}#${r.n}`);
            await h.flush();
          }
          await Promise.all(done);
          for (const key of new Set(keys)) {
            const newest = Math.max(...h.runs.filter((r) => r.key === key).map((r) => r.n));
            const mine = h.published.filter(([k]) => k === key);
            assert.equal(mine.length, 1, 'only the newest run publishes');
            assert.equal(mine[0][1], `${key}#${newest}`);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

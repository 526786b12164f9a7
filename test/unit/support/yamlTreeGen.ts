// Random YAML documents as trees (maps, sequences, scalars of every kind, block and multi-line scalars,
// empty values) rendered with varied indentation steps, siblings a column off, comments and blank lines
// at any indentation, CRLF and missing final newlines. Written for a red-team review of the YAML fast
// path, where it found a divergence the evidence-shaped generator had missed (an empty item after a
// comment); test/unit/fastYaml.test.ts runs it. Deterministic per seed.

const SCALARS = [
  'x',
  'a b',
  '1',
  '-1',
  '-.5',
  '0o17',
  '0x1F',
  '0b1',
  '1_000',
  '.inf',
  '-.INF',
  '.NaN',
  '1.',
  '.',
  '1.50',
  '1e3',
  '+.5',
  '-0',
  '007',
  'true',
  'False',
  'NULL',
  '~',
  'null',
  'y',
  'on',
  '2026-06-01',
  '50%',
  'a%b',
  'x@y',
  'x`y',
  'x!y',
  'x:y',
  'x#y',
  'x, y',
  'x]y',
  'x}',
  'x{',
  'x [y]',
  '...',
  'x ---',
  'a -b',
  'a - b',
  'x |',
  'x >',
  'x ?',
  "it's",
  'say "hi"',
  "'q'",
  "'a''b'",
  "'a #b'",
  "'x: y'",
  '"d"',
  '"a #b"',
  '"x: y"',
  '"\'"',
  "''",
  '""',
  '[x]',
  '[x, y]',
  '[ x , y ]',
  '[\'a,b\', "c]d"]',
  '[x,y]',
  '[1, .5, -1]',
  '{a: 1}',
  '{ a: x , b: "y" }',
  '[{a: 1}, {b: 2}]',
  '[{a: 1} , x]',
  '[]',
  '{}',
  '😀',
  '𝒳 z',
  '售后',
  '：全角',
  'a\u00a0b',
  'x\u0080',
  'http://e.com/a?b=c#d',
  'a:b:c',
  '-x1',
  '0x',
  '1:20',
  '12345678901234567890',
  '1e400',
  '+',
  '-.',
  '.5e3',
  '5.10',
];
const KEYS = [
  'a',
  'b',
  'c',
  'key',
  'k-1',
  '_x',
  'y',
  'on',
  'constructor',
  'toString',
  'e',
  'inf',
  'nULL',
  'Y',
  'No',
  'a_b',
  'x1',
  'valueOf',
  'kk',
];
const COMMENTS = ['# c', '#', '#x: y', '# - z', '#  |'];

type Tree =
  | { t: 'map'; pairs: [string, Tree][] }
  | { t: 'seq'; items: Tree[] }
  | { t: 'scalar'; s: string }
  | { t: 'block'; h: string; lines: string[] }
  | { t: 'multi'; s: string[] }
  | { t: 'empty' };

/** A deterministic random source in [0, 1) (xorshift32): the same seed gives the same texts. */
export function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x100000000;
  };
}

export function yamlTree(seed: number): string {
  const r = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  const chance = (p: number) => r() < p;
  const P = {
    comment: r() * 0.4,
    blank: r() * 0.3,
    ws: r() * 0.2,
    crlf: r() < 0.2 ? r() : 0,
    oddIndent: r() * 0.1,
    cont: r() * 0.4,
    block: r() * 0.3,
    dupKey: r() * 0.05,
  };
  const steps = [pick([1, 2, 2, 3, 4]), pick([1, 2, 2, 3, 4])];
  function tree(d: number): Tree {
    const x = r();
    if (d > 4 || x < 0.45) {
      if (chance(P.block))
        return {
          t: 'block',
          h: pick(['|', '|', '|-', '>', '>', '>-', '|+', '>+', '|2', '| ', '>1']),
          lines: Array.from({ length: Math.floor(r() * 4) }, () =>
            chance(0.25) ? pick(['', '', ' ', '   ', '      ']) : (chance(0.15) ? pick([' ', '  ', '# ']) : '') + pick(SCALARS),
          ),
        };
      if (chance(P.cont))
        return {
          t: 'multi',
          s: [pick(SCALARS), ...Array.from({ length: 1 + Math.floor(r() * 3) }, () => (chance(0.25) ? '' : pick(SCALARS)))],
        };
      if (chance(0.08)) return { t: 'empty' };
      return { t: 'scalar', s: pick(SCALARS) };
    }
    if (x < 0.75) {
      const n = 1 + Math.floor(r() * 4);
      const used = new Set<string>();
      const pairs: [string, Tree][] = [];
      for (let i = 0; i < n; i++) {
        const k = pick(KEYS);
        if (used.has(k) && !chance(P.dupKey)) continue;
        used.add(k);
        pairs.push([k, tree(d + 1)]);
      }
      return { t: 'map', pairs };
    }
    return { t: 'seq', items: Array.from({ length: 1 + Math.floor(r() * 3) }, () => tree(d + 1)) };
  }
  const out: string[] = [];
  const stack: number[] = [];
  const extras = (ind: number) => {
    if (chance(P.blank)) out.push('');
    if (chance(P.ws)) out.push(' '.repeat(Math.floor(r() * 8)));
    if (chance(P.comment)) {
      const cands = [...stack, ind, ind + 1, 0, ind + 2];
      const ci = pick(cands);
      const n = 1 + Math.floor(r() * 2);
      for (let i = 0; i < n; i++) out.push(' '.repeat(ci) + pick(COMMENTS));
    }
  };
  const jitter = (n: number) => (chance(P.oddIndent) ? Math.max(0, n + pick([-1, 1])) : n);
  // Render value `v` after a prefix already on the current line (`key:` or `- `), where the owner collection is at `ind`.
  function value(v: Tree, ind: number, prefix: string, inMap: boolean) {
    const trailing = chance(0.1) ? pick([' ', '  ', ' # c', '  #c']) : '';
    if (v.t === 'scalar') {
      out.push(prefix + (prefix.endsWith(' ') ? '' : ' ') + v.s + trailing);
      return;
    }
    if (v.t === 'empty') {
      out.push(prefix.trimEnd() + trailing);
      return;
    }
    if (v.t === 'multi') {
      out.push(prefix + (prefix.endsWith(' ') ? '' : ' ') + v.s[0]);
      for (const s of v.s.slice(1))
        out.push(s === '' ? (chance(0.5) ? '' : ' '.repeat(Math.floor(r() * 6))) : ' '.repeat(jitter(ind + 1 + Math.floor(r() * 4))) + s);
      return;
    }
    if (v.t === 'block') {
      out.push(prefix + (prefix.endsWith(' ') ? '' : ' ') + v.h);
      const bi = ind + pick([1, 2, 2, 3]);
      for (const s of v.lines) out.push(s === '' || /^ +$/.test(s) ? s : ' '.repeat(bi) + s);
      return;
    }
    // collections on the next lines; in a seq item a map may start on the dash line
    if (!inMap && v.t === 'map' && chance(0.6)) {
      const col = prefix.length + (chance(0.2) ? 1 : 0);
      render(v, col, prefix + ' '.repeat(col - prefix.length));
      return;
    }
    if (chance(0.05) && v.t !== 'map') {
      out.push(prefix.trimEnd() + ' # c');
    } else out.push(prefix.trimEnd());
    let ni = ind + steps[stack.length % 2];
    if (inMap && v.t === 'seq' && chance(0.4)) ni = ind;
    render(v, jitter(ni), undefined);
  }
  function render(v: Tree, ind: number, firstPrefix: string | undefined) {
    stack.push(ind);
    let first = firstPrefix;
    if (v.t === 'map') {
      for (const [k, c] of v.pairs) {
        if (first === undefined) extras(ind);
        const lead = first ?? ' '.repeat(jitter(ind));
        first = undefined;
        value(c, ind, lead + k + ':' + (chance(0.05) ? ' ' : ''), true);
      }
    } else if (v.t === 'seq') {
      for (const c of v.items) {
        if (first === undefined) extras(ind);
        const lead = first ?? ' '.repeat(jitter(ind));
        first = undefined;
        value(c, ind, lead + '-' + (chance(0.1) ? '   ' : ' '), false);
      }
    }
    stack.pop();
  }
  let root = tree(0);
  if (root.t !== 'map') root = { t: 'map', pairs: [['root', root], ...(chance(0.5) ? [['z', tree(2)] as [string, Tree]] : [])] };
  if (chance(0.3)) out.push(pick(COMMENTS));
  render(root, 0, undefined);
  if (chance(0.3)) extras(0);
  let text = out.map((l) => l + (P.crlf && chance(P.crlf) ? '\r\n' : '\n')).join('');
  if (chance(0.3)) text = text.replace(/\r?\n$/, '');
  return text;
}

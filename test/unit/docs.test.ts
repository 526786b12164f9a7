// The repository explains itself: its README and docs/ exist in English and Chinese, link to each other and
// to files that exist, show every field a consultant writes, and nothing in it sends a reader outside it.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

const root = join(__dirname, '..', '..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');
/** Files of the repository (tracked and new, not ignored). */
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((f) => f && existsSync(join(root, f)));
const markdown = files.filter((f) => /^(README[^/]*|docs\/[^/]+)\.md$/.test(f));

describe('the repository explains itself', () => {
  it('nothing in it refers to a document outside it', () => {
    // Spelled in pieces so that this file does not find itself.
    const outside = [
      ['SPEC', '.md'],
      ['SPEC', ' §'],
      ['..', '/shared/'],
      ['shared', ' folder'],
    ].map((p) => p.join(''));
    const text = files.filter((f) => /\.(md|ts|mjs|js|json|ya?ml|sh)$|^\.ci\//.test(f) && !f.startsWith('test/fixtures/'));
    const found: string[] = [];
    for (const f of text) {
      const lines = read(f).split('\n');
      lines.forEach((line, i) => {
        for (const o of outside) if (line.includes(o)) found.push(`${f}:${i + 1}: ${line.trim()}`);
      });
    }
    assert.deepEqual(found, []);
  });

  it('every relative link in the README and docs/ leads to a file of the repository', () => {
    assert.ok(markdown.length >= 8, markdown.join(', '));
    const broken: string[] = [];
    for (const f of markdown) {
      // links in code (fenced blocks, `inline`) are examples of a pack's files, not links of the repository
      const prose = read(f)
        .replace(/^(```|~~~)[^]*?^\1/gm, '')
        .replace(/`[^`\n]*`/g, '');
      for (const m of prose.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1].replace(/#.*$/, '');
        if (!target || /^[a-z]+:/i.test(target)) continue;
        if (!existsSync(join(root, normalize(join(dirname(f), decodeURI(target)))))) broken.push(`${f}: ${m[1]}`);
      }
    }
    assert.deepEqual(broken, []);
  });

  it('every page exists in English and Chinese, and each links to the other', () => {
    for (const [en, zh] of [
      ['README.md', 'README.zh-CN.md'],
      ...markdown.filter((f) => f.startsWith('docs/') && !f.endsWith('.zh-CN.md')).map((f) => [f, f.replace(/\.md$/, '.zh-CN.md')]),
    ]) {
      assert.ok(markdown.includes(zh), `${zh} (the Chinese of ${en})`);
      const base = (p: string) => p.split('/').pop()!;
      assert.ok(
        read(en)
          .split('\n')
          .slice(0, 6)
          .some((l) => l.includes(`(${base(zh)})`)),
        `${en} links to ${zh} at the top`,
      );
      assert.ok(
        read(zh)
          .split('\n')
          .slice(0, 6)
          .some((l) => l.includes(`(${base(en)})`)),
        `${zh} links to ${en} at the top`,
      );
    }
  });

  it('the README shows every field a consultant writes, in both languages', () => {
    const pack = JSON.parse(read('schemas/pack.schema.json'));
    const evidence = JSON.parse(read('schemas/evidence.schema.json'));
    const fields = [
      ...Object.keys(pack.properties).filter((k) => k !== 'evidence'), // the evidence globs have a default nobody needs to write
      ...Object.keys(evidence.definitions.clauseEntry.properties),
      ...Object.keys(evidence.definitions.evidenceItem.properties).filter((k) => k !== 'url'),
      'name',
      'type',
      'date',
      'window_months',
      'size',
      'nonconforming',
      'reason',
      'rectified',
      'rectification',
    ];
    for (const readme of ['README.md', 'README.zh-CN.md']) {
      const text = read(readme);
      const missing = fields.filter((k) => !new RegExp(`(^|[\\s{,])${k}:`, 'm').test(text));
      assert.deepEqual(missing, [], readme);
      for (const status of ['conforming', 'partial', 'nonconforming', 'excluded'])
        assert.ok(text.includes(status), `${readme}: status ${status}`);
    }
  });
});

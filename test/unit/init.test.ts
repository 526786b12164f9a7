// The files a new pack starts with (`evidence-pack init`, "New Evidence Pack"): what a consultant reads
// first — the manifest with their answers, and every leaf's guidance as comments that read as sentences.
import { strict as assert } from 'node:assert';
import {
  COMMENT_WIDTH,
  displayWidth,
  findBand,
  findOrganizationType,
  isPlaceholderOrganization,
  planInit,
  wrapText,
} from '../../src/core/init';
import { parseManifest } from '../../src/core/manifest';
import { builtinStandard } from '../../src/core/standard/builtin';
import type { Lang } from '../../src/core/types';

const std = builtinStandard('gbt27922-2011')!;
const LANGS: Lang[] = ['zh-CN', 'en'];
const CJK = /[\u3000-\u9fff\uff00-\uffef]/;

/** The guidance comment lines init wrote for each leaf, by clause id. */
function guidanceComments(lang: Lang): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of planInit(std, 'gbt27922-2011', lang, { date: '2026-10-15' }).slice(1)) {
    let block: string[] | undefined;
    for (const line of f.text.split('\n')) {
      if (/^ {2}# (需要：|requires: )/.test(line)) block = [];
      else if (block && line.startsWith('  # ')) block.push(line.slice(4));
      else if (block) {
        const id = /^ {2}- clause: "([^"]+)"$/.exec(line)?.[1];
        assert.ok(id, `a guidance block ends at its clause entry: ${line}`);
        out.set(id, block);
        block = undefined;
      }
    }
  }
  return out;
}

/** Where a sentence of `text` ends (offsets just after 。！？； or after . ! ? ; followed by a space). */
function sentenceSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const re = /(?:[^。！？；.!?;]|[.!?;](?!\s|$)|(?<=\b(?:e\.g|i\.e|etc))\.\s)*(?:[。！？；]+|[.!?;]+(?=\s|$)|$)/g;
  for (let m = re.exec(text); m && m[0] !== ''; m = re.exec(text)) {
    spans.push([m.index, m.index + m[0].length]);
    while (text[re.lastIndex] === ' ') re.lastIndex++;
  }
  return spans;
}

describe('init: the guidance comments', () => {
  for (const lang of LANGS) {
    it(`${lang}: every leaf's guidance is there, whole, wrapped between sentences`, () => {
      const comments = guidanceComments(lang);
      for (const leaf of std.leaves) {
        const guidance = leaf.guidance?.[lang] ?? '';
        const lines = comments.get(leaf.id) ?? [];
        // nothing lost or changed: the lines are the text (a space where an English line was broken)
        assert.equal(lines.join(lang === 'zh-CN' ? '' : ' ').replace(/ +/g, ' '), guidance.replace(/ +/g, ' '), leaf.id);
        let offset = 0;
        for (const [i, line] of lines.entries()) {
          offset += line.length + (lang === 'en' && i > 0 ? 1 : 0);
          if (i === lines.length - 1) break;
          // a break is never inside a word, and Chinese text breaks only after punctuation
          if (lang === 'zh-CN') assert.match(line, /[。！？；，、：）]$/, `${leaf.id} line ${i + 1} ends at punctuation: ${line}`);
          else assert.match(`${line} ${lines[i + 1]}`, /\S \S/, leaf.id);
          // a break inside a sentence only where that sentence is wider than a line
          const end = lang === 'zh-CN' ? offset : offset + 1;
          const span = sentenceSpans(guidance).find(([a, b]) => end > a && end < b);
          if (span) {
            assert.ok(
              displayWidth(guidance.slice(span[0], span[1]).trim()) > COMMENT_WIDTH,
              `${leaf.id}: "${line}" breaks a sentence that fits on a line`,
            );
          }
        }
        for (const line of lines) {
          // wider than a line only when a Chinese phrase has no punctuation to break at
          if (displayWidth(line) > COMMENT_WIDTH) assert.ok(CJK.test(line) && !/[。！？；，、：]./.test(line), `${leaf.id}: ${line}`);
        }
      }
    });
  }

  it('wraps Chinese after 。；， and English between words, never inside one', () => {
    assert.deepEqual(wrapText('第一句很短。第二句也很短；第三句，分成两个分句。', 24), [
      '第一句很短。',
      '第二句也很短；',
      '第三句，分成两个分句。',
    ]);
    assert.deepEqual(wrapText('One sentence here. And a second one that is long enough to need wrapping somewhere.', 40), [
      'One sentence here.',
      'And a second one that is long enough to',
      'need wrapping somewhere.',
    ]);
    assert.deepEqual(wrapText('没有标点的一个很长很长很长很长很长的中文短语', 10), ['没有标点的一个很长很长很长很长很长的中文短语']);
    // "e.g." does not end a sentence, and nothing is lost around it
    assert.deepEqual(wrapText('Bring: the register (e.g. the 三包 rules, the law); staff are interviewed.', 30), [
      'Bring: the register (e.g. the',
      '三包 rules, the law);',
      'staff are interviewed.',
    ]);
    // a sentence that does not fit where the last one ended starts a line
    assert.deepEqual(wrapText('Short one. A sentence just wider than the line.', 30), [
      'Short one.',
      'A sentence just wider than the',
      'line.',
    ]);
    assert.deepEqual(wrapText('Short one here. Fits on a line alone.', 30), ['Short one here.', 'Fits on a line alone.']);
  });

  it("a kind is named by its label in the file's language, never by its id", () => {
    const zh = planInit(std, 'gbt27922-2011', 'zh-CN', { date: '2026-10-15' })[1].text;
    assert.match(zh, /^ {2}# 需要：文件、记录$/m);
    assert.doesNotMatch(zh, /^ {2}# 需要：.*\b(document|record|interview|observation)\b/m);
    const en = planInit(std, 'gbt27922-2011', 'en', { date: '2026-10-15' })[1].text;
    assert.match(en, /^ {2}# requires: Document, Record$/m);
  });
});

describe('init: the manifest takes the answers', () => {
  it('writes the organisation, its type, the target band and the assessment date asked for', () => {
    const [manifest] = planInit(std, 'gbt27922-2011', 'zh-CN', {
      date: '2026-10-15',
      organization: '海川家电有限公司',
      type: 'sales-service',
      target: 'four-star',
    });
    const m = parseManifest(manifest.text, '/p/evidence-pack.yaml', '2020-01-01', 'zh-CN');
    assert.deepEqual(m.diagnostics, []);
    assert.deepEqual(m.manifest!.organization, { name: '海川家电有限公司', type: 'sales-service' });
    assert.equal(m.manifest!.target, 'four-star');
    assert.equal(m.manifest!.assessmentDate, '2026-10-15');
    assert.match(manifest.text, /type: sales-service\} {2}# 销售服务型企业$/m); // the id with its label beside it
    assert.match(manifest.text, /^target: four-star {2}# 四星级$/m);
  });

  it('an organisation name that needs quoting stays that name', () => {
    const name = 'A "quoted" name: with # and \\ backslash';
    const [manifest] = planInit(std, 'gbt27922-2011', 'en', { date: '2026-10-15', organization: name });
    assert.equal(parseManifest(manifest.text, '/p/evidence-pack.yaml', '2020-01-01', 'en').manifest!.organization!.name, name);
  });

  for (const lang of LANGS) {
    it(`${lang}: without an organisation, the placeholder is a warning on its value`, () => {
      const [manifest] = planInit(std, 'gbt27922-2011', lang, { date: '2026-10-15' });
      const m = parseManifest(manifest.text, '/p/evidence-pack.yaml', '2020-01-01', lang);
      assert.deepEqual(
        m.diagnostics.map((d) => [d.code, d.severity]),
        [['placeholder-organization', 'warning']],
      );
      const d = m.diagnostics[0];
      const line = manifest.text.split('\n')[d.range.start.line];
      const placeholder = lang === 'zh-CN' ? '公司名称' : 'Company name';
      assert.equal(line.slice(d.range.start.character, d.range.end.character), `"${placeholder}"`);
      assert.ok(d.message.includes(placeholder), d.message);
      assert.ok(lang === 'zh-CN' ? CJK.test(d.message) : !CJK.test(d.message.replace(placeholder, '')), d.message);
    });
  }

  it('a placeholder typed in the other language, other case or with spaces is still the placeholder; a real name is not', () => {
    for (const name of ['公司名称', ' Company name ', 'company NAME']) assert.ok(isPlaceholderOrganization(name), name);
    for (const name of ['华澜电器有限公司', 'Company name Ltd', '']) assert.ok(!isPlaceholderOrganization(name), name);
    const m = parseManifest(
      'pack: 1\nstandard: gbt27922-2011\norganization: {name: 公司名称}\n',
      '/p/evidence-pack.yaml',
      '2026-01-01',
      'en',
    );
    assert.deepEqual(
      m.diagnostics.map((d) => d.code),
      ['placeholder-organization'],
    );
  });

  it('a band is found by its id or any label, a type by its id, label or short name', () => {
    for (const text of ['four-star', '四星级', 'Four-star', ' FOUR-STAR ']) assert.equal(findBand(std, text)?.id, 'four-star', text);
    for (const text of ['3star', '四星', 'fail', '']) assert.equal(findBand(std, text), undefined, text);
    for (const text of ['sales-service', '销售服务型企业', '销售服务型', 'Sales and service enterprise'])
      assert.equal(findOrganizationType(text), 'sales-service', text);
    for (const text of ['生产型', 'production']) assert.equal(findOrganizationType(text), 'production', text);
    assert.equal(findOrganizationType('shop'), undefined);
  });
});

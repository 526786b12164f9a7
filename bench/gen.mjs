// Deterministic evidence packs for the benchmark: N evidence YAML files of ~15 KB each, plus
// Markdown evidence (one per ten YAML files), attachments that exist, and a few real diagnostics
// (stale dates, broken links, unknown kinds, a stray property, open actions) so every code path runs.
import { mkdirSync, rmSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const TITLES = [
  '售后服务管理制度',
  '服务网点巡检记录',
  '客户投诉处理台账',
  '维修工单汇总',
  '回访记录',
  '培训签到表',
  '满意度调查报告',
  '备件库存清单',
  '服务承诺书',
  '三包政策执行记录',
  '技术人员资格证书',
  '服务质量改进记录',
];
const NOTES = '本条款的证据由售后服务部整理，现场评审时可调阅原件；抽查样本按月份分层，覆盖全部自建及委托网点。';
const ATTACHMENTS = 40;

/** A tiny deterministic PRNG (mulberry32), so every run writes the same bytes. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function date(r, stale) {
  if (stale) return '2024-03-1' + Math.floor(r() * 9);
  const m = 1 + Math.floor(r() * 9);
  return `2026-0${m}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
}

/**
 * One evidence YAML file of about `target` bytes. Style 'wrapped' writes each entry's notes in double quotes
 * wrapped over two lines, which the YAML fast path declines: the whole file is parsed by `yaml`.
 */
export function evidenceYaml(i, leaves, target = 15000, style = 'plain') {
  const r = rng(i * 7919 + 1);
  const lines = [`# 证据文件 ${i} — 基准测试生成`, 'clauses:'];
  let size = 40,
    k = 0;
  while (size < target) {
    const leaf = leaves[(i * 13 + k) % leaves.length];
    const entry = [`  - clause: "${leaf.id}"`];
    // One status per leaf across the pack (two different ones would be a conflict on every file).
    if (leaf.sampled) entry.push('    status: partial', '    samples: {size: 20, nonconforming: 2}');
    else if (k % 5 === 0) entry.push('    status: conforming');
    entry.push('    evidence:');
    const kinds = [...leaf.requires, 'document'];
    for (let j = 0; j < kinds.length; j++) {
      let kind = kinds[j];
      if (i % 50 === 7 && k === 2 && j === 0) kind = 'photo'; // unknown-kind
      const att = (i + k + j) % ATTACHMENTS;
      const broken = i % 40 === 11 && k === 1 && j === 0; // broken-link
      entry.push(
        `      - kind: ${kind}`,
        `        title: ${TITLES[(i + k + j) % TITLES.length]}（第 ${i}-${k}-${j} 号）`,
        `        file: ${broken ? '../attachments/missing-' + i + '.pdf' : `../attachments/a${att}.md`}`,
      );
      if (kind !== 'document') entry.push(`        date: ${date(r, i % 25 === 5 && k === 0)}`); // stale-evidence
    }
    if (i % 100 === 3 && k === 4) entry.push('    reviewer: 张工'); // schema: unexpected property
    if (style === 'wrapped') entry.push(`    notes: "${NOTES}`, `      （${i}/${k}）"`);
    else entry.push(`    notes: ${NOTES}（${i}/${k}）`);
    const text = entry.join('\n');
    lines.push(text);
    size += Buffer.byteLength(text) + 1;
    k++;
  }
  return lines.join('\n') + '\n';
}

/** One Markdown evidence file: front matter, clause sections with items, links and an open action. */
export function evidenceMd(i, leaves) {
  const out = [
    '---',
    'clauses:',
    `  - clause: "${leaves[i % leaves.length].id}"`,
    '    status: conforming',
    '---',
    `# 第 ${i} 号访谈与现场记录`,
    '',
  ];
  for (let k = 0; k < 12; k++) {
    const leaf = leaves[(i * 5 + k) % leaves.length];
    out.push(`## ${leaf.id} 现场评审记录`, '', '本节记录评审员在现场查看的内容及访谈要点。', '');
    out.push(`- 记录: [${TITLES[k % TITLES.length]}](../attachments/a${(i + k) % ATTACHMENTS}.md) 2026-0${1 + (k % 9)}-15`);
    out.push(`- document: [${TITLES[(k + 3) % TITLES.length]}](../attachments/a${(i + k + 1) % ATTACHMENTS}.md)`);
    if (k === 3) out.push('- [ ] 补充 2026 年第三季度回访记录');
    out.push('');
  }
  return out.join('\n');
}

export function manifest() {
  return [
    'pack: 1',
    'standard: gbt27922-2011',
    'organization: {name: 基准电器有限公司, type: production}',
    'assessment: {date: 2026-10-15, window_months: 12}',
    'target: four-star',
    '',
  ].join('\n');
}

/** Writes (once) a pack of `n` YAML evidence files under `dir`; returns the list of evidence files. */
export function generatePack(dir, n, leaves, style = 'plain') {
  const stamp = join(dir, '.complete');
  const files = [];
  const nMd = Math.max(1, Math.round(n / 10));
  const yamlPath = (i) => join(dir, `client-${String(i % 10)}`, `e${String(i).padStart(4, '0')}.evidence.yaml`);
  const mdPath = (i) => join(dir, `client-${String(i % 10)}`, `m${String(i).padStart(4, '0')}.evidence.md`);
  for (let i = 0; i < n; i++) files.push(yamlPath(i));
  for (let i = 0; i < nMd; i++) files.push(mdPath(i));
  const version = `v2-${style}`;
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === version) return files;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'attachments'), { recursive: true });
  for (let c = 0; c < 10; c++) mkdirSync(join(dir, `client-${c}`), { recursive: true });
  writeFileSync(join(dir, 'evidence-pack.yaml'), manifest());
  for (let a = 0; a < ATTACHMENTS; a++) writeFileSync(join(dir, 'attachments', `a${a}.md`), `# 附件 ${a}\n`);
  for (let i = 0; i < n; i++) writeFileSync(yamlPath(i), evidenceYaml(i, leaves, 15000, style));
  for (let i = 0; i < nMd; i++) writeFileSync(mdPath(i), evidenceMd(i, leaves));
  writeFileSync(stamp, version);
  return files;
}

// `evidence-pack init` and the extension's "New Evidence Pack": a manifest and one evidence
// file per top-level clause, every leaf listed with its required kinds and guidance as comments.
// Pure: returns the files to write; the caller decides (and never overwrites without being told).
import { pick } from './messages';
import type { Clause, Lang, Standard } from './types';

export interface PlannedFile { path: string; text: string }

export function planInit(standard: Standard, standardRef: string, lang: Lang, today: string): PlannedFile[] {
  const zh = lang === 'zh-CN';
  const files: PlannedFile[] = [];
  const kindLabel = (id: string) => {
    const k = standard.kinds.find((x) => x.id === id);
    return k ? `${k.id} (${k.label['zh-CN']} / ${k.label.en})` : id;
  };
  const names: string[] = [];
  for (const top of standard.clauses) {
    const name = `${top.id}-${slug(top.title.en) || 'clauses'}.evidence.yaml`;
    names.push(name);
    const lines: string[] = [
      `# ${top.id} ${top.title['zh-CN']} · ${top.title.en} — ${top.pointsText} ${zh ? '分' : 'points'}`,
      zh ? '# 为每个条款补充证据；不适用的条款可写 status: excluded 并说明理由（仅限可删减条款）。'
        : '# Add evidence to each clause; a clause that does not apply may be `status: excluded` with a justification (where excludable).',
      'clauses:',
    ];
    for (const leaf of leavesOf(top)) {
      lines.push(`  # ${leaf.id} ${leaf.title['zh-CN']} · ${leaf.title.en} — ${leaf.pointsText} ${zh ? '分' : 'points'}${leaf.sampled ? (zh ? '（抽样）' : ' (sampled)') : ''}${leaf.excludable ? (zh ? '（可删减）' : ' (excludable)') : ''}`);
      lines.push(`  # ${zh ? '需要' : 'requires'}: ${leaf.requires.map(kindLabel).join(', ') || '-'}`);
      const guidance = pick(leaf.guidance, lang);
      if (guidance) for (const g of wrap(guidance, 90)) lines.push(`  # ${g}`);
      lines.push(`  - clause: "${leaf.id}"`);
      lines.push('    evidence: []');
      lines.push('');
    }
    files.push({ path: name, text: lines.join('\n') });
  }
  const manifest = [
    zh ? `# 证据包清单 — ${standard.title['zh-CN']}` : `# Evidence pack manifest — ${standard.title.en}`,
    'pack: 1',
    `standard: ${standardRef}`,
    `organization: {name: "${zh ? '公司名称' : 'Company name'}", type: production}`,
    `assessment: {date: ${today}, window_months: 12}`,
    ...(standard.rating.bands.length ? [`target: ${standard.rating.bands[Math.min(1, standard.rating.bands.length - 1)].id}`] : []),
    '',
  ].join('\n');
  return [{ path: 'evidence-pack.yaml', text: manifest }, ...files];
}

function leavesOf(c: Clause): Clause[] { return c.children.length ? c.children.flatMap(leavesOf) : [c]; }

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split(/\n/)) {
    let line = '';
    for (const ch of para.match(/\S+\s*|[\u3000-\u9fff\uff00-\uffef]/g) ?? []) {
      if ((line + ch).length > width && line) { out.push(line.trimEnd()); line = ''; }
      line += ch;
    }
    if (line.trim()) out.push(line.trimEnd());
  }
  return out;
}

// `evidence-pack init` and the extension's "New Evidence Pack": a manifest and one evidence
// file per top-level clause, every leaf listed with its required kinds and guidance as comments, and
// one file listing the prerequisites and dossier items when the standard has them.
// Pure: returns the files to write; the caller decides (and never overwrites without being told).
import { joinList, msg, pick } from './messages';
import type { Clause, Lang, LocalizedText, RatingBand, Standard } from './types';

/** The first line of the dossier file `init` writes. */
const DOSSIER_HEADER = {
  en: '# Prerequisites and the application dossier (unscored): the body checks them before accepting the application. Add evidence to each.',
  'zh-CN': '# 申请资格与申请材料（不计分）：认证机构受理申请前核查。为每项补充证据。',
};

export interface PlannedFile {
  path: string;
  text: string;
}

export type OrganizationType = 'production' | 'sales-service';

/** The two kinds of organisation GB/T 27922 assesses, with the names people call them. */
export const ORGANIZATION_TYPES: { id: OrganizationType; label: LocalizedText; aliases: string[] }[] = [
  { id: 'production', label: { 'zh-CN': '生产型企业', en: 'Production enterprise' }, aliases: ['生产型', '生产', 'manufacturer'] },
  {
    id: 'sales-service',
    label: { 'zh-CN': '销售服务型企业', en: 'Sales and service enterprise' },
    aliases: ['销售服务型', '销售服务', 'sales and service'],
  },
];

/**
 * What init writes when no organisation is given. The manifest check knows these names and reports a
 * manifest that still holds one (`placeholder-organization`): it would reach the report's cover.
 */
export const PLACEHOLDER_ORGANIZATION: LocalizedText = { 'zh-CN': '公司名称', en: 'Company name' };

export function isPlaceholderOrganization(name: string): boolean {
  const n = name.trim().toLowerCase();
  return Object.values(PLACEHOLDER_ORGANIZATION).some((p) => p.toLowerCase() === n);
}

export interface InitOptions {
  /** The assessment date, YYYY-MM-DD. */
  date: string;
  organization?: string;
  type?: OrganizationType;
  /** A band id of the standard. */
  target?: string;
}

/** The band init aims at when none is asked for: the second band (three-star), or the only one. */
export function defaultTarget(standard: Standard): RatingBand | undefined {
  const bands = standard.rating.bands;
  return bands[Math.min(1, bands.length - 1)];
}

/** A band written by its id or any of its labels (`four-star`, `四星级`, `Four-star`); undefined when none. */
export function findBand(standard: Standard, text: string): RatingBand | undefined {
  const t = text.trim().toLowerCase();
  return standard.rating.bands.find((b) => b.id.toLowerCase() === t || Object.values(b.label).some((l) => l.toLowerCase() === t));
}

/** An organisation type written by its id, its label or a short name (`生产型`); undefined when none. */
export function findOrganizationType(text: string): OrganizationType | undefined {
  const t = text.trim().toLowerCase();
  return ORGANIZATION_TYPES.find((o) => o.id === t || [...Object.values(o.label), ...o.aliases].some((l) => l.toLowerCase() === t))?.id;
}

export function planInit(standard: Standard, standardRef: string, lang: Lang, options: InitOptions): PlannedFile[] {
  const files: PlannedFile[] = [];
  const kindLabel = (id: string) => pick(standard.kinds.find((x) => x.id === id)?.label, lang) || id;
  const names: string[] = [];
  for (const top of standard.clauses) {
    const name = `${top.id}-${slug(top.title.en) || 'clauses'}.evidence.yaml`;
    names.push(name);
    const lines: string[] = [
      `# ${top.id} ${top.title['zh-CN']} · ${top.title.en} — ${msg(lang, 'init.points', { points: top.pointsText })}`,
      ...comment('# ', msg(lang, 'init.fileHint')),
      'clauses:',
    ];
    for (const leaf of leavesOf(top)) {
      lines.push(
        `  # ${leaf.id} ${leaf.title['zh-CN']} · ${leaf.title.en} — ${msg(lang, 'init.points', { points: leaf.pointsText })}${leaf.sampled ? msg(lang, 'init.sampled') : ''}${leaf.excludable ? msg(lang, 'init.excludable') : ''}`,
      );
      lines.push(`  # ${msg(lang, 'init.requires', { kinds: joinList(leaf.requires.map(kindLabel), lang) || '-' })}`);
      lines.push(...comment('  # ', pick(leaf.guidance, lang)));
      lines.push(`  - clause: "${leaf.id}"`);
      lines.push('    evidence: []');
      lines.push('');
    }
    files.push({ path: name, text: lines.join('\n') });
  }
  // The scheme's unscored items (资格条件, 申请材料): one file, each item listed with its guidance.
  const scheme = [...standard.prerequisites, ...standard.dossier];
  if (scheme.length) {
    const lines: string[] = [pick(DOSSIER_HEADER, lang), 'clauses:'];
    for (const item of scheme) {
      lines.push(`  # ${item.title['zh-CN']} · ${item.title.en}`);
      const guidance = pick(item.guidance, lang);
      if (guidance) for (const g of wrapText(guidance, 90)) lines.push(`  # ${g}`);
      lines.push(`  - clause: ${item.id}`);
      lines.push('    evidence: []');
      lines.push('');
    }
    files.push({ path: 'dossier.evidence.yaml', text: lines.join('\n') });
  }
  const type = options.type ?? 'production';
  const target = options.target ?? defaultTarget(standard)?.id;
  const typeLabel = pick(ORGANIZATION_TYPES.find((o) => o.id === type)?.label, lang);
  const targetBand = standard.rating.bands.find((b) => b.id === target);
  const manifest = [
    msg(lang, 'init.manifestTitle', { title: standard.title[lang] }),
    'pack: 1',
    `standard: ${standardRef}`,
    ...(options.organization ? [] : comment('# ', msg(lang, 'init.replaceOrganization'))),
    `organization: {name: ${JSON.stringify(options.organization?.trim() || pick(PLACEHOLDER_ORGANIZATION, lang))}, type: ${type}}  # ${typeLabel}`,
    `assessment: {date: ${options.date}, window_months: 12}`,
    ...(target ? [`target: ${target}${targetBand ? `  # ${pick(targetBand.label, lang)}` : ''}`] : []),
    '',
  ].join('\n');
  return [{ path: 'evidence-pack.yaml', text: manifest }, ...files];
}

function leavesOf(c: Clause): Clause[] {
  return c.children.length ? c.children.flatMap(leavesOf) : [c];
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
}

/** Guidance as comment lines of at most COMMENT_WIDTH columns after the prefix. */
function comment(prefix: string, text: string): string[] {
  return text ? wrapText(text, COMMENT_WIDTH).map((l) => prefix + l) : [];
}

export const COMMENT_WIDTH = 88;

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Mostly CJK characters (a Chinese phrase, maybe with a number or a Latin word in it). */
function isChinese(text: string): boolean {
  const chars = [...text.replace(/\s/g, '')];
  return chars.filter((c) => WIDE.test(c)).length * 2 > chars.length;
}

/** Columns the text takes in an editor's monospace font: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

// Where text may be wrapped, coarsest first: after a sentence (。！？； or . ! ? ; before a space, but
// not "e.g. " or "etc. "), after a clause (，、：, or , : before a space), between words. Each piece keeps its
// trailing spaces; the pieces of a text are the whole text.
const BREAKS = [
  /(?:[^。！？；.!?;]|[.!?;](?!\s|$)|(?<=\b(?:e\.g|i\.e|etc|cf|vs))\.\s+)*(?:[。！？；]+|[.!?;]+(?:\s+|$)|$)/g,
  /(?:[^，、：,:]|[,:](?!\s|$))*(?:[，、：]+|[,:]+(?:\s+|$)|$)/g,
  /\S*\s*/g,
];

function pieces(text: string, level: number): string[] {
  return (text.match(BREAKS[level]) ?? []).filter((p) => p !== '');
}

/**
 * Wraps text into lines of at most `width` columns, breaking between sentences; a sentence wider than a
 * line is broken between its clauses (after ，、： or , :), then between words. Never inside a word, and
 * Chinese only at punctuation: a Chinese clause wider than a line is one longer line.
 */
export function wrapText(text: string, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split(/\n/)) {
    let line = '';
    const add = (piece: string, level: number) => {
      if (displayWidth((line + piece).trimEnd()) <= width) {
        line += piece;
        return;
      }
      // A sentence that does not fit where the last one ended starts a line.
      if (level === 0 && line.trim()) {
        out.push(line.trimEnd());
        line = '';
      }
      // A piece that fits on a line of its own starts one; a Chinese clause is never split between its
      // characters (wider than a line, it stays whole); anything else is broken at the next level.
      if (displayWidth(piece.trimEnd()) <= width || (level >= 1 && isChinese(piece)) || level === BREAKS.length - 1) {
        if (line.trim()) out.push(line.trimEnd());
        line = piece.trimStart();
        return;
      }
      for (const p of pieces(piece, level + 1)) add(p, level + 1);
    };
    for (const sentence of pieces(para, 0)) add(sentence, 0);
    if (line.trim()) out.push(line.trimEnd());
  }
  return out;
}

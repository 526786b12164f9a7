// The 自评报告 (self-evaluation report, `report --out FILE.docx`): what an organisation hands to the certification
// body with its application, written from the pack — cover, score summary, a self-assessment per indicator (what is
// in place, the evidence with dates, exclusions, gaps and the rectification plan), special deductions and bonus,
// prerequisites and dossier, and an evidence index. Written with the `docx` library, which is bundled into
// dist/deliverables.js and loaded only when a user exports.
//
// Bounded on large packs: a leaf lists at most EVIDENCE_PER_LEAF items (counting and newest first) and the index
// groups items by the document they point to, at most INDEX_ROWS rows; the rest is counted, not listed (the workbook
// lists every item). Byte-stable: no time of writing anywhere (the document's dates are the assessment date), the
// heading bookmarks numbered in order, and the zip rewritten with fixed entry times.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import { ASSESSMENT_KIND_LABEL, deductionsByGround, GROUND_LABEL, pick } from '../../core/messages';
import { relativePath } from '../../core/paths';
import type { Lang, PackResult, Score, Standard } from '../../core/types';
import { CATALOGUE, t, type PresentString } from '../catalogue';
import { formatDecimal, formatGain, formatPoints, formatScore, starsText } from '../numbers';
import {
  bandLabelOf,
  colon,
  isFail,
  joinList,
  kindLabels,
  maxStars,
  packLabel,
  paren,
  scoreFormula,
  scoreText,
  stateLabel,
} from '../vocabulary';
import { buildSheet, evidenceText, type EvidenceLine, type SheetModel, type SheetRow } from './sheetModel';
import { strFromU8, strToU8, unzipEntries, zipEntries } from './zip';

export interface SelfReportOptions {
  lang: Lang;
  /** Folder that paths are shown relative to. */
  baseDir: string;
  toolVersion: string;
}

/** Evidence items written under one indicator; the rest are counted and found in the index. */
export const EVIDENCE_PER_LEAF = 12;
/** Rows of the evidence index (one per document); the rest are counted. */
export const INDEX_ROWS = 300;
/** Characters of one piece of text from the pack (a title, a note); a longer one is cut with an ellipsis. */
const MAX_TEXT = 2000;

const FONT = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: 'SimSun', cs: 'Arial' };
const HEADING_FONT = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: 'SimHei', cs: 'Arial' };
const ACCENT = '1F4E9C';
const MUTED = '5B6474';
const BAD = 'C62828';
/** A4 portrait with 2 cm margins: the text is 9638 twips wide. */
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

// ---------------------------------------------------------------- text from the pack

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Characters XML 1.0 cannot hold (C0 controls other than tab and line breaks, U+FFFE/U+FFFF): a document with one
// does not open. They are shown as U+FFFD so that the reader sees something was there.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text a document can hold: well-formed, XML characters only, at most MAX_TEXT characters. */
export function docText(text: string, max = MAX_TEXT): string {
  let s = text.replace(LONE_SURROGATE, '\uFFFD').replace(NOT_XML, '\uFFFD').replace(/\r\n?/g, '\n');
  if (s.length > max) s = s.slice(0, /[\uD800-\uDBFF]/.test(s[max - 1]) ? max - 1 : max) + '…';
  return s;
}

/** Runs for `text`, its line breaks kept. */
function runs(text: string, style: { bold?: boolean; color?: string; size?: number } = {}): TextRun[] {
  return docText(text)
    .split('\n')
    .map((line, i) => new TextRun({ text: line, break: i ? 1 : undefined, ...style }));
}

function para(
  text: string,
  options: Omit<IParagraphOptions, 'children' | 'text'> & { bold?: boolean; color?: string; size?: number } = {},
): Paragraph {
  const { bold, color, size, ...rest } = options;
  return new Paragraph({ ...rest, children: runs(text, { bold, color, size }) });
}

/** `Label：value` with the label in bold. */
function labelled(lang: Lang, label: string, value: string, options: Omit<IParagraphOptions, 'children' | 'text'> = {}): Paragraph {
  return new Paragraph({ ...options, children: [new TextRun({ text: `${label}${colon(lang)}`, bold: true }), ...runs(value)] });
}

function bullet(children: ParagraphChild[] | string): Paragraph {
  return new Paragraph({
    numbering: { reference: 'bullets', level: 0 },
    spacing: { after: 40 },
    children: typeof children === 'string' ? runs(children) : children,
  });
}

/**
 * A catalogue template with fields in it: `{page}` and `{pages}` become the page-number fields, the other
 * placeholders are filled from `args`.
 */
function withPageFields(lang: Lang, id: PresentString, args: Record<string, string> = {}): ParagraphChild[] {
  return CATALOGUE[id][lang]
    .split(/(\{page\}|\{pages\})/)
    .filter(Boolean)
    .map((part) =>
      part === '{page}'
        ? new TextRun({ children: [PageNumber.CURRENT] })
        : part === '{pages}'
          ? new TextRun({ children: [PageNumber.TOTAL_PAGES] })
          : new TextRun({ text: docText(part.replace(/\{(\w+)\}/g, (w, k: string) => args[k] ?? w)) }),
    );
}

// ---------------------------------------------------------------- tables

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '9AA3B2' };

function cell(
  text: string,
  width: number,
  opts: { header?: boolean; align?: 'left' | 'right' | 'center'; color?: string } = {},
): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    shading: opts.header ? { type: ShadingType.CLEAR, fill: 'DCE3EE', color: 'auto' } : undefined,
    borders: { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER },
    children: [
      new Paragraph({
        alignment: opts.align === 'right' ? AlignmentType.RIGHT : opts.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
        spacing: { after: 0 },
        children: runs(text, { bold: opts.header, size: 18, color: opts.color }),
      }),
    ],
  });
}

/** A table over the text width: `widths` in parts of it; numeric columns right-aligned; the header row repeats. */
function table(headers: string[], rows: string[][], widths: number[], numeric: number[] = []): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  const twips = widths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  const align = (i: number) => (numeric.includes(i) ? ('right' as const) : ('left' as const));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: twips,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: headers.map((h, i) => cell(h, twips[i], { header: true, align: align(i) })),
      }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, twips[i], { align: align(i) })) })),
    ],
  });
}

// ---------------------------------------------------------------- the document

interface Ctx {
  lang: Lang;
  baseDir: string;
  /** 0 for one pack; 1 when each pack is a chapter of its own. */ depth: number;
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4];

function heading(ctx: Ctx, level: 1 | 2 | 3, text: string, pageBreakBefore = false): Paragraph {
  return new Paragraph({
    heading: HEADINGS[level - 1 + ctx.depth],
    pageBreakBefore,
    keepNext: true,
    children: [new TextRun({ text: docText(text, 300) })],
  });
}

function cover(result: PackResult, ctx: Ctx, opts: SelfReportOptions): Paragraph[] {
  const { lang } = ctx;
  const { manifest, standard, score } = result;
  const org = manifest?.organization;
  const out: Paragraph[] = [
    new Paragraph({
      spacing: { before: 2400, after: 240 },
      alignment: AlignmentType.CENTER,
      children: runs(t(lang, 'docx.title'), { bold: true, size: 44 }),
    }),
    new Paragraph({
      spacing: { after: 960 },
      alignment: AlignmentType.CENTER,
      children: runs(org?.name ?? t(lang, 'report.unnamedOrganisation'), { size: 32 }),
    }),
  ];
  const facts: [string, string][] = [];
  if (org?.type)
    facts.push([t(lang, 'docx.orgType'), t(lang, org.type === 'production' ? 'report.orgProduction' : 'report.orgSalesService')]);
  if (standard) facts.push([t(lang, 'report.standard'), `${pick(standard.title, lang)}${paren(standard.id, lang)}`]);
  else if (manifest) facts.push([t(lang, 'report.standard'), manifest.standardRef]);
  if (manifest) {
    facts.push([t(lang, 'report.assessmentDate'), manifest.assessmentDate]);
    if (manifest.assessmentKind) facts.push([t(lang, 'report.assessmentKind'), pick(ASSESSMENT_KIND_LABEL[manifest.assessmentKind], lang)]);
    if (manifest.target)
      facts.push([t(lang, 'report.target'), result.target ? bandLabelOf(standard, result.target.id, lang) : manifest.target]);
  }
  if (score && standard) {
    const stars = isFail(result, score) ? '' : `\u3000${starsText(score.rating.stars, maxStars(standard))}`;
    facts.push([
      t(lang, 'docx.selfScore'),
      `${scoreText(score.score, standard)}${stars}\u3000${bandLabelOf(standard, score.rating.id, lang, score.rating.label)}`,
    ]);
  }
  facts.push([t(lang, 'report.pack'), packLabel(ctx.baseDir, result.root)]);
  for (const [k, v] of facts) out.push(labelled(lang, k, v, { indent: { left: 2200 }, spacing: { after: 120 } }));
  out.push(
    new Paragraph({
      spacing: { before: 1600 },
      alignment: AlignmentType.CENTER,
      children: runs(t(lang, 'deliver.generatedBy', { version: opts.toolVersion }), { color: MUTED, size: 18 }),
    }),
  );
  return out;
}

function summary(result: PackResult, m: SheetModel, ctx: Ctx): (Paragraph | Table)[] {
  const { lang } = ctx;
  const { score, standard } = m;
  const failed = isFail(result, score);
  const band = bandLabelOf(standard, score.rating.id, lang, score.rating.label);
  const out: (Paragraph | Table)[] = [heading(ctx, 1, t(lang, 'docx.summaryTitle'), true)];
  out.push(
    new Paragraph({
      spacing: { before: 120, after: 120 },
      children: [
        new TextRun({ text: `${t(lang, 'report.score')}${colon(lang)}`, bold: true, size: 28 }),
        new TextRun({ text: scoreText(score.score, standard), bold: true, size: 36, color: failed ? BAD : ACCENT }),
        new TextRun({ text: '\u3000' }),
        new TextRun({ text: failed ? '✗' : starsText(score.rating.stars, maxStars(standard)), size: 32, color: failed ? BAD : 'E0A100' }),
        new TextRun({ text: '\u3000' }),
        new TextRun({ text: band, bold: true, size: 32, color: failed ? BAD : undefined }),
      ],
    }),
  );
  const r = standard.rating;
  for (const sentence of scoreFormula(score, standard, lang)) out.push(para(sentence));
  if (result.target) {
    const reached =
      standard.rating.bands.findIndex((b) => b.id === score.rating.id) >=
      standard.rating.bands.findIndex((b) => b.id === result.target!.id);
    out.push(
      para(
        t(lang, reached ? 'docx.targetReached' : 'docx.targetNotReached', {
          target: bandLabelOf(standard, result.target.id, lang),
          min: result.target.min,
        }),
      ),
    );
  }
  if (score.next) {
    out.push(
      para(
        t(lang, 'docx.nextBand', {
          needed: formatScore(score.next.needed, r.rounding),
          band: bandLabelOf(standard, score.next.id, lang, score.next.label),
          score: scoreText(score.score, standard),
          min: score.next.min,
        }),
      ),
    );
  } else out.push(para(t(lang, 'report.topBand')));
  if (score.uncappedRating) {
    out.push(
      para(
        t(lang, 'report.initialCap', { band, uncapped: bandLabelOf(standard, score.uncappedRating.id, lang, score.uncappedRating.label) }),
        { color: BAD },
      ),
    );
  }
  out.push(
    para(t(lang, 'deliver.origin', { source: score.standard.scoringSource ?? t(lang, 'deliver.originStandard', { id: standard.id }) }), {
      color: MUTED,
    }),
  );
  if (score.standard.sheet) {
    const s = score.standard.sheet;
    const named = [s.body, s.source, s.version].filter(Boolean).join(' · ');
    if (named) out.push(para(t(lang, 'report.scoringSheet', { source: named }), { color: MUTED }));
  }
  if (score.standard.weights === 'provisional') {
    out.push(
      para(t(lang, score.standard.sheet ? 'report.provisionalSheet' : 'report.provisional'), {
        shading: { type: ShadingType.CLEAR, fill: 'FFF3D6', color: 'auto' },
        border: { left: { style: BorderStyle.SINGLE, size: 24, color: 'B26A00', space: 6 } },
      }),
    );
  }
  out.push(
    para(
      t(lang, 'report.diagnosticsCount', {
        error: score.diagnostics.error,
        warning: score.diagnostics.warning,
        info: score.diagnostics.info,
      }),
      { color: MUTED },
    ),
  );

  out.push(heading(ctx, 2, t(lang, 'report.overview')));
  const rows = score.sections.map((s) => {
    const clause = standard.byId.get(s.id);
    return [
      `${s.id} ${clause ? pick(clause.title, lang) : ''}`.trim(),
      formatPoints(s.applicable),
      formatPoints(s.earned),
      s.applicable > 0 ? `${formatDecimal((s.earned / s.applicable) * 100, 1)}%` : '—',
    ];
  });
  rows.push([
    t(lang, 'docx.total'),
    formatPoints(score.applicable),
    formatPoints(score.earned),
    score.applicable > 0 ? `${formatDecimal((score.earned / score.applicable) * 100, 1)}%` : '—',
  ]);
  out.push(
    table(
      [t(lang, 'report.colClause'), t(lang, 'deliver.applicableTotal'), t(lang, 'deliver.colEarned'), t(lang, 'docx.colRate')],
      rows,
      [5, 2, 2, 2],
      [1, 2, 3],
    ),
  );

  const counts = new Map<string, number>();
  for (const row of m.rows) counts.set(row.stateLabel, (counts.get(row.stateLabel) ?? 0) + 1);
  out.push(
    para(
      t(lang, 'docx.stateCounts', {
        leaves: m.rows.length,
        counts: joinList(
          [...counts].map(([label, n]) => t(lang, 'docx.stateCount', { state: label, n })),
          lang,
        ),
      }),
      { spacing: { before: 120 } },
    ),
  );
  return out;
}

/** Counting items first, then the newest, then by text: what a reader of one indicator should see first. */
function evidenceOrder(a: EvidenceLine, b: EvidenceLine): number {
  if (a.counts !== b.counts) return a.counts ? -1 : 1;
  const da = /^\d{4}-/.test(a.date ?? '') ? a.date! : '',
    db = /^\d{4}-/.test(b.date ?? '') ? b.date! : '';
  if (da !== db) return da < db ? 1 : -1;
  const ka = `${a.kind}\u0000${a.title}\u0000${a.file ?? ''}`,
    kb = `${b.kind}\u0000${b.title}\u0000${b.file ?? ''}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

function indicator(row: SheetRow, ctx: Ctx, planOf: Map<string, string>): Paragraph[] {
  const { lang } = ctx;
  const out: Paragraph[] = [heading(ctx, 3, `${row.leaf.id} ${pick(row.leaf.title, lang)}`)];
  const earned = row.earned === undefined ? '—' : formatPoints(row.earned);
  out.push(
    new Paragraph({
      spacing: { after: 80 },
      children: [
        ...runs(t(lang, 'docx.leafFacts', { points: formatPoints(row.points), earned }), { color: MUTED }),
        new TextRun({ text: '\u3000' }),
        new TextRun({
          text: row.stateLabel,
          bold: true,
          color: row.state === 'met' ? '2E7D32' : row.state === 'excluded' ? MUTED : row.state === 'partial' ? 'B26A00' : BAD,
        }),
      ],
    }),
  );
  const guidance = pick(row.leaf.guidance, lang);
  if (guidance) out.push(labelled(lang, t(lang, 'docx.requirement'), guidance));
  if (row.state === 'excluded') {
    out.push(labelled(lang, t(lang, 'docx.exclusion'), row.justification ?? row.reason));
  } else {
    const inPlace =
      row.state === 'met'
        ? t(lang, 'docx.inPlaceMet', { counting: row.evidence.filter((e) => e.counts).length })
        : row.state === 'missing'
          ? t(lang, 'docx.inPlaceNone')
          : row.reason;
    out.push(labelled(lang, t(lang, 'docx.inPlace'), inPlace));
  }
  if (row.samples) out.push(para(t(lang, 'report.samples', { size: row.samples.size, nonconforming: row.samples.nonconforming })));
  if (row.evidence.length) {
    out.push(para(`${t(lang, 'report.colEvidence')}${colon(lang)}`, { bold: true, spacing: { after: 40 } }));
    const shown =
      row.evidence.length > EVIDENCE_PER_LEAF ? [...row.evidence].sort(evidenceOrder).slice(0, EVIDENCE_PER_LEAF) : row.evidence;
    for (const e of shown) out.push(bullet(evidenceText(e, lang)));
    if (row.evidence.length > shown.length)
      out.push(para(t(lang, 'docx.moreEvidence', { n: row.evidence.length - shown.length }), { color: MUTED }));
  } else if (row.state !== 'excluded') out.push(para(t(lang, 'report.noEvidence'), { color: MUTED }));
  for (const note of row.notes.slice(0, 3)) out.push(labelled(lang, t(lang, 'report.notes'), note));
  if (row.notes.length > 3) out.push(para(t(lang, 'docx.moreNotes', { n: row.notes.length - 3 }), { color: MUTED }));
  if (row.earned !== undefined && row.earned < row.points) {
    out.push(
      labelled(
        lang,
        t(lang, 'docx.gap'),
        t(lang, 'report.pointsLost', { lost: formatPoints(row.points - row.earned), points: formatPoints(row.points) }),
      ),
    );
    const plan = planOf.get(row.leaf.id);
    if (plan) out.push(labelled(lang, t(lang, 'docx.plan'), plan));
  }
  // The pack's own to-dos (`- [ ]` in a clause section), each as written: "Open action: …".
  for (const action of row.openActions.slice(0, EVIDENCE_PER_LEAF)) out.push(bullet(action));
  return out;
}

function selfAssessment(m: SheetModel, ctx: Ctx): Paragraph[] {
  const { lang } = ctx;
  // A finding's required action; its open actions (the lines after it) are listed under the indicator one by one.
  const planOf = new Map(m.findings.filter((f) => /^NC-/.test(f.no)).map((f) => [f.clause, f.action.split('\n')[0]]));
  const out: Paragraph[] = [heading(ctx, 1, t(lang, 'docx.selfAssessmentTitle'), true)];
  for (const section of m.sections) {
    const totals = m.score.sections.find((s) => s.id === section.clause.id);
    out.push(heading(ctx, 2, `${section.clause.id} ${pick(section.clause.title, lang)}`));
    if (totals)
      out.push(
        para(t(lang, 'report.sectionOf', { earned: formatPoints(totals.earned), applicable: formatPoints(totals.applicable) }), {
          color: MUTED,
        }),
      );
    for (const row of section.rows) out.push(...indicator(row, ctx, planOf));
  }
  return out;
}

function special(result: PackResult, score: Score, standard: Standard, ctx: Ctx): Paragraph[] {
  const { lang } = ctx;
  const r = standard.rating;
  const out: Paragraph[] = [heading(ctx, 1, t(lang, 'report.specialTitle'), true)];
  const deductions = result.manifest?.specialDeductions ?? [];
  out.push(heading(ctx, 2, t(lang, 'report.deductions', { count: score.specialDeductions, points: r.specialDeduction.points })));
  if (!deductions.length) out.push(para(t(lang, 'report.noDeductions')));
  for (const g of deductionsByGround(deductions)) {
    if (deductions.some((d) => d.ground)) out.push(labelled(lang, t(lang, 'deliver.ground'), pick(GROUND_LABEL[g.ground], lang)));
    for (const d of g.items) {
      const status = t(lang, d.rectified ? 'report.rectified' : 'report.notRectified');
      out.push(
        bullet([
          new TextRun({ text: `${docText(d.id, 200)}${d.clause ? paren(docText(d.clause, 200), lang) : ''}${colon(lang)}`, bold: true }),
          ...runs(d.reason),
          new TextRun({ text: ' — ' }),
          new TextRun({ text: status, color: d.rectified ? MUTED : BAD }),
          ...(d.rectification
            ? runs(`${t(lang, 'punct.sentences')}${t(lang, 'docx.rectificationEvidence', { file: d.rectification })}`)
            : []),
        ]),
      );
    }
  }
  out.push(para(t(lang, 'report.failAt', { failAt: r.specialDeduction.failAt }), { color: MUTED }));
  const bonuses = result.manifest?.specialBonuses ?? [];
  out.push(heading(ctx, 2, t(lang, 'report.bonus', { points: r.specialBonus.points, max: r.specialBonus.max })));
  if (!bonuses.length) out.push(para(t(lang, 'report.noBonus')));
  for (const b of bonuses) {
    out.push(bullet(b.reason));
    if (b.basis) out.push(para(t(lang, 'report.bonusBasis', { basis: b.basis }), { indent: { left: 360 } }));
    if (b.evidence) out.push(para(t(lang, 'docx.bonusEvidence', { file: b.evidence }), { indent: { left: 360 }, color: MUTED }));
  }
  return out;
}

function plan(m: SheetModel, ctx: Ctx): (Paragraph | Table)[] {
  const { lang } = ctx;
  const out: (Paragraph | Table)[] = [heading(ctx, 1, t(lang, 'docx.planTitle'), true)];
  const { score, standard } = m;
  if (score.next) {
    out.push(
      para(
        t(lang, 'report.gapsNeeded', {
          needed: formatScore(score.next.needed, standard.rating.rounding),
          band: bandLabelOf(standard, score.next.id, lang, score.next.label),
          score: scoreText(score.score, standard),
          min: score.next.min,
        }),
      ),
    );
    const rows = score.next.suggestions
      .slice(0, INDEX_ROWS)
      .map((s) => [
        `${s.clause} ${pick(standard.byId.get(s.clause)?.title, lang)}`,
        stateLabel(s.state, lang),
        s.missingKinds.length ? joinList(kindLabels(standard, s.missingKinds, lang), lang) : '',
        formatGain(s.gain),
      ]);
    if (rows.length)
      out.push(
        table(
          [t(lang, 'report.colClause'), t(lang, 'report.colState'), t(lang, 'report.colMissing'), t(lang, 'report.colGain')],
          rows,
          [5, 2, 3, 1.4],
          [3],
        ),
      );
    else out.push(para(t(lang, 'report.noGaps')));
  } else out.push(para(t(lang, 'report.topBand')));
  out.push(heading(ctx, 2, t(lang, 'deliver.findingsName')));
  if (!m.findings.length) out.push(para(t(lang, 'deliver.noFindings')));
  else {
    const shown = m.findings.slice(0, INDEX_ROWS);
    out.push(
      table(
        [
          t(lang, 'deliver.colFindingNo'),
          t(lang, 'deliver.colClause'),
          t(lang, 'deliver.colDescription'),
          t(lang, 'deliver.colAction'),
          t(lang, 'deliver.colVerified'),
        ],
        shown.map((f) => [f.no, f.clause, f.description, f.action, f.verified]),
        [1.3, 1.3, 4, 4, 1.4],
      ),
    );
    if (m.findings.length > shown.length)
      out.push(para(t(lang, 'docx.moreRows', { n: m.findings.length - shown.length }), { color: MUTED }));
  }
  return out;
}

function scheme(score: Score, standard: Standard, ctx: Ctx): (Paragraph | Table)[] {
  const { lang } = ctx;
  if (!standard.prerequisites.length && !standard.dossier.length) return [];
  const out: (Paragraph | Table)[] = [
    heading(ctx, 1, t(lang, 'report.schemeTitle'), true),
    para(t(lang, 'report.schemeNote'), { color: MUTED }),
  ];
  const list = (items: Standard['dossier'], missing: string[]) =>
    table(
      [t(lang, 'docx.colProvided'), t(lang, 'docx.colItem'), t(lang, 'docx.colGuidance')],
      items.map((i) => [missing.includes(i.id) ? '✗' : '✓', `${pick(i.title, lang)}\n${i.id}`, pick(i.guidance, lang)]),
      [1, 4, 6],
    );
  if (standard.prerequisites.length) {
    out.push(
      heading(ctx, 2, t(lang, 'report.prerequisites', { provided: score.prerequisites.provided, total: score.prerequisites.total })),
    );
    out.push(list(standard.prerequisites, score.prerequisites.missing));
  }
  if (standard.dossier.length) {
    out.push(heading(ctx, 2, t(lang, 'report.dossier', { provided: score.dossier.provided, total: score.dossier.total })));
    out.push(list(standard.dossier, score.dossier.missing));
  }
  return out;
}

interface IndexRow {
  target: string;
  title: string;
  kinds: Set<string>;
  clauses: string[];
  first?: string;
  last?: string;
  items: number;
  counting: number;
}

/** One row per document (file, address, or title when neither), in path order: what a body asks to see on site. */
export function evidenceIndex(m: SheetModel): IndexRow[] {
  const byTarget = new Map<string, IndexRow>();
  for (const row of m.rows) {
    for (const e of row.evidence) {
      const target = e.file ?? e.title;
      let x = byTarget.get(target);
      if (!x) byTarget.set(target, (x = { target, title: e.title, kinds: new Set(), clauses: [], items: 0, counting: 0 }));
      if (e.title < x.title) x.title = e.title;
      x.kinds.add(e.kind);
      if (x.clauses[x.clauses.length - 1] !== row.leaf.id) x.clauses.push(row.leaf.id);
      if (e.date && /^\d{4}-/.test(e.date)) {
        if (!x.first || e.date < x.first) x.first = e.date;
        if (!x.last || e.date > x.last) x.last = e.date;
      }
      x.items++;
      if (e.counts) x.counting++;
    }
  }
  return [...byTarget.values()].sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
}

function appendix(m: SheetModel, ctx: Ctx): (Paragraph | Table)[] {
  const { lang } = ctx;
  const index = evidenceIndex(m);
  const items = index.reduce((a, x) => a + x.items, 0);
  const out: (Paragraph | Table)[] = [heading(ctx, 1, t(lang, 'docx.appendixTitle'), true)];
  out.push(para(t(lang, 'docx.indexIntro', { documents: index.length, items }), { color: MUTED }));
  if (!index.length) return [...out, para(t(lang, 'report.noEvidence'))];
  const shown = index.slice(0, INDEX_ROWS);
  const list = (ids: string[]) =>
    ids.length > 8 ? `${joinList(ids.slice(0, 8), lang)} …${paren(String(ids.length), lang)}` : joinList(ids, lang);
  out.push(
    table(
      [
        t(lang, 'docx.colNo'),
        t(lang, 'docx.colDocument'),
        t(lang, 'docx.colKind'),
        t(lang, 'docx.colDates'),
        t(lang, 'docx.colClauses'),
        t(lang, 'docx.colItems'),
      ],
      shown.map((x, i) => [
        String(i + 1),
        x.target === x.title ? x.target : `${x.title}\n${x.target}`,
        joinList([...x.kinds].sort(), lang),
        x.first ? (x.first === x.last ? x.first : `${x.first} ~ ${x.last}`) : '',
        list(x.clauses),
        x.counting === x.items ? String(x.items) : t(lang, 'docx.itemsCounting', { items: x.items, counting: x.counting }),
      ]),
      [0.8, 5, 1.8, 2.2, 2.4, 1.2],
      [0, 5],
    ),
  );
  if (index.length > shown.length) out.push(para(t(lang, 'docx.moreRows', { n: index.length - shown.length }), { color: MUTED }));
  return out;
}

function packChapters(result: PackResult, ctx: Ctx): (Paragraph | Table)[] {
  const { lang } = ctx;
  const m = buildSheet(result, ctx.baseDir, lang);
  if (!m) {
    return [
      heading(ctx, 1, t(lang, 'report.notScored'), true),
      para(t(lang, 'report.notScoredText')),
      ...result.diagnostics
        .filter((d) => d.severity === 'error')
        .slice(0, INDEX_ROWS)
        .map((d) => bullet(`${relativePath(ctx.baseDir, d.file)}:${d.range.start.line + 1}${colon(lang)}${d.message}`)),
    ];
  }
  return [
    ...summary(result, m, ctx),
    ...selfAssessment(m, ctx),
    ...special(result, m.score, m.standard, ctx),
    ...plan(m, ctx),
    ...scheme(m.score, m.standard, ctx),
    ...appendix(m, ctx),
  ];
}

/** The self-evaluation report for one or more packs, as the bytes of a .docx file. */
export async function renderSelfReport(results: PackResult[], opts: SelfReportOptions): Promise<Uint8Array> {
  const { lang } = opts;
  const depth = results.length > 1 ? 1 : 0;
  const ctx: Ctx = { lang, baseDir: opts.baseDir, depth };
  const organisations = [...new Set(results.map((r) => r.manifest?.organization?.name).filter((n): n is string => !!n))];
  const children: (Paragraph | Table | TableOfContents)[] = [];
  results.forEach((result, i) => {
    if (depth)
      children.push(
        new Paragraph({
          heading: HeadingLevel.HEADING_1,
          pageBreakBefore: i > 0,
          children: runs(result.manifest?.organization?.name ?? packLabel(opts.baseDir, result.root)),
        }),
      );
    children.push(...cover(result, ctx, opts));
    if (i === 0) {
      children.push(new Paragraph({ children: [new PageBreak()] }));
      children.push(para(t(lang, 'docx.tocTitle'), { style: 'TOCHeading', alignment: AlignmentType.CENTER }));
      children.push(new TableOfContents(t(lang, 'docx.tocTitle'), { hyperlink: true, headingStyleRange: `1-${2 + depth}` }));
      children.push(para(t(lang, 'docx.tocHint'), { color: MUTED, size: 18 }));
    }
    children.push(...packChapters(result, ctx));
  });
  if (!results.length) children.push(para(t(lang, 'docx.title')));

  const footerText = `${organisations.length === 1 ? `${organisations[0]} · ` : ''}${t(lang, 'docx.title')}`;
  const size = (pt: number) => pt * 2;
  const headingStyle = (id: string, name: string, pt: number, level: number, color?: string) => ({
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: HEADING_FONT, size: size(pt), bold: true, color },
    paragraph: { outlineLevel: level, keepNext: true, spacing: { before: level === 0 ? 240 : 200, after: 120 } },
  });
  const firstDate = results.find((r) => r.manifest?.assessmentDate)?.manifest?.assessmentDate;
  const doc = new Document({
    creator: 'evidence-pack',
    lastModifiedBy: 'evidence-pack',
    title: docText(`${t(lang, 'docx.title')}${organisations.length ? ' — ' + organisations.join(', ') : ''}`, 500),
    description: t(lang, 'deliver.generatedBy', { version: opts.toolVersion }),
    // The contents are written with their entries and without page numbers (docx/layout could work them out, but
    // it would double dist/deliverables.js and push the .vsix past 1 MiB): Word fills them in when it opens the file.
    features: { updateFields: true },
    styles: {
      default: { document: { run: { font: FONT, size: size(10.5) }, paragraph: { spacing: { after: 80, line: 300 } } } },
      paragraphStyles: [
        headingStyle('Heading1', 'Heading 1', 16, 0, ACCENT),
        headingStyle('Heading2', 'Heading 2', 13, 1),
        headingStyle('Heading3', 'Heading 3', 11, 2),
        headingStyle('Heading4', 'Heading 4', 10.5, 3),
        {
          id: 'TOCHeading',
          name: 'TOC Heading',
          basedOn: 'Normal',
          next: 'Normal',
          run: { font: HEADING_FONT, size: size(16), bold: true },
          paragraph: { spacing: { after: 240 } },
        },
      ],
    },
    numbering: {
      config: [
        {
          reference: 'bullets',
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '•',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 360, hanging: 240 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin, footer: 567 },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [...runs(`${footerText}\u3000`, { color: MUTED, size: 18 }), ...withPageFields(lang, 'docx.page')],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  const bytes = new Uint8Array(await Packer.toArrayBuffer(doc));
  return stabilise(bytes, firstDate);
}

/**
 * The same document, byte for byte, whenever the input is the same: the core properties' dates (docx writes the
 * time of writing) become the assessment date, the heading bookmarks (numbered from a counter that runs on in the
 * process) are numbered from 1 in order, and every zip entry gets the fixed time.
 */
function stabilise(bytes: Uint8Array, date: string | undefined): Uint8Array {
  const stamp = `${/^\d{4}-\d{2}-\d{2}$/.test(date ?? '') ? date : '1980-01-01'}T00:00:00Z`;
  const entries = [...unzipEntries(bytes)].map(([name, data]): [string, Uint8Array] => {
    if (name === 'docProps/core.xml') {
      return [name, strToU8(strFromU8(data).replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*/g, `$1${stamp}`))];
    }
    if (name === 'word/document.xml') {
      const xml = strFromU8(data);
      const ids = new Map<string, number>();
      const renumber = (id: string) => {
        let n = ids.get(id);
        if (n === undefined) ids.set(id, (n = ids.size + 1));
        return n;
      };
      const inTag = (tag: string) => tag.replace(/(_Toc|w:id=")(\d+)/g, (_w, pre: string, id: string) => `${pre}${renumber(id)}`);
      return [
        name,
        strToU8(
          xml.replace(/<w:bookmark(?:Start|End)\b[^>]*>|_Toc\d+/g, (m) => (m.startsWith('<') ? inTag(m) : `_Toc${renumber(m.slice(4))}`)),
        ),
      ];
    }
    return [name, data];
  });
  return zipEntries(entries);
}
